package dev.panorama.interaction.correction;

import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.interaction.ingest.NewInteraction;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.InteractionVersion;
import dev.panorama.interaction.log.PendingEvent;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.publishing.EventRelay;
import dev.panorama.interaction.timeline.TimelineQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appends versions to a contact: staff's corrections here; the reconciler's resolutions through {@link #append}. */
@ApplicationScoped
public class CorrectionService {

    private final InteractionLog log;
    private final TimelineQueries queries;
    private final EventRelay relay;

    public CorrectionService(InteractionLog log, TimelineQueries queries, EventRelay relay) {
        this.log = log;
        this.queries = queries;
        this.relay = relay;
    }

    public Uni<Interaction> correct(UUID id, Correction correction, String actor) {
        return queries.interaction(id).chain(interaction -> {
            if (interaction.version() != correction.expectedVersion()) {
                return Uni.createFrom().failure(new VersionConflict(id, correction.expectedVersion(), interaction.version()));
            }
            InteractionVersion current = interaction.current();
            InteractionVersion next = new InteractionVersion(interaction.version() + 1, InteractionVersion.Kind.CORRECTED, Instant.now(),
                    actor, interaction.customerId(), correction.disposition() != null ? correction.disposition() : current.disposition(),
                    correction.tags() != null ? correction.tags() : current.tags(), correction.note());
            return append(interaction, next, null, interaction.customerId());
        });
    }

    /**
     * Appends {@code next} (and {@code changes}) in one write with the InteractionUpdated announcing it, then relays it.
     * Fails with {@link VersionConflict} when another version came first.
     */
    public Uni<Interaction> append(Interaction interaction, InteractionVersion next, org.bson.conversions.Bson changes, UUID customerId) {
        return append(interaction, next, changes, customerId, List.of());
    }

    /**
     * The reconciler's resolution of a contact stored while identity-service was away: besides InteractionUpdated, the
     * contact is announced as logged in the customer's timeline (InteractionLogged with the customer, this version), which
     * its first InteractionLogged could not say. Consumers that keep only contacts of known customers (profile-service)
     * learn of it only so; routing made its one task of the contact already and passes over the repeat.
     */
    public Uni<Interaction> resolve(Interaction interaction, InteractionVersion next, org.bson.conversions.Bson changes, UUID customerId) {
        if (customerId == null) {
            return append(interaction, next, changes, null);
        }
        List<InteractionVersion> versions = new ArrayList<>(interaction.versions());
        versions.add(next);
        Interaction resolved = new Interaction(interaction.id(), customerId, Resolution.RESOLVED, interaction.senderRecord(),
                interaction.contact(), interaction.conversationId(), interaction.campaignReference(), interaction.needsResponse(),
                interaction.routingHints(), interaction.receivedAt(), versions);
        return append(interaction, next, changes, customerId,
                List.of(PendingEvent.of(NewInteraction.logged(resolved), customerId.toString(), next.recordedAt())));
    }

    private Uni<Interaction> append(Interaction interaction, InteractionVersion next, org.bson.conversions.Bson changes, UUID customerId,
            List<PendingEvent> before) {
        InteractionUpdated updated = new InteractionUpdated(interaction.id(), customerId, next.version(), next.disposition(), next.tags(),
                next.recordedBy(), next.recordedAt());
        String key = customerId != null ? customerId.toString() : interaction.id().toString();
        List<PendingEvent> events = new ArrayList<>(before);
        events.add(PendingEvent.of(updated, key, next.recordedAt()));
        return log.appendVersion(interaction.id(), interaction.version(), next, changes, events)
                .chain(document -> {
                    if (document == null) {
                        return Uni.createFrom().failure(new VersionConflict(interaction.id(), interaction.version(), interaction.version() + 1));
                    }
                    return relay.relay(List.of(document)).replaceWith(InteractionDocuments.toInteraction(document));
                });
    }
}
