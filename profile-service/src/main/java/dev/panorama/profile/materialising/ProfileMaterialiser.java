package dev.panorama.profile.materialising;

import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileEvent;
import dev.panorama.profile.folding.ProfileFolding;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.store.ProfileStore;
import dev.panorama.profile.store.SourceLinks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies what an event means to the stored profiles. Every step is one atomic single-document write and every
 * step can be repeated, so a redelivery after a crash half-way finishes the job instead of doubling it.
 */
@ApplicationScoped
public class ProfileMaterialiser {

    private static final Logger LOG = Logger.getLogger(ProfileMaterialiser.class);

    private final ProfileStore profiles;
    private final SourceLinks links;
    private final ProfileFolding folding;

    public ProfileMaterialiser(ProfileStore profiles, SourceLinks links, ProfileConfig config) {
        this.profiles = profiles;
        this.links = links;
        this.folding = new ProfileFolding(config.rememberedEvents());
    }

    public Uni<Void> apply(String eventId, ProfileEvent event) {
        return switch (event) {
            case ProfileEvent.ForCustomer facts -> addFacts(facts.customerId(), eventId, facts.facts());
            case ProfileEvent.ForSourceRecord facts -> links.parkUnlessLinked(facts.origin(), eventId, facts.facts())
                    .chain(customer -> customer.map(id -> addFacts(id, eventId, facts.facts()))
                            .orElseGet(() -> parked(eventId)));
            case ProfileEvent.Linked linked -> link(eventId, linked);
            case ProfileEvent.Merged merged -> Multi.createFrom().iterable(merged.mergedIds())
                    .onItem().transformToUniAndConcatenate(id -> merge(eventId, merged.survivorId(), id)).collect().last()
                    .replaceWithVoid();
            case ProfileEvent.Split split -> split(eventId, split);
            case ProfileEvent.Erased erased -> profiles.update(erased.customerId(), p -> folding.erase(p, erased.erasedAt()))
                    .replaceWithVoid();
            case ProfileEvent.Ignored ignored -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> addFacts(UUID customerId, String eventId, ProfileState facts) {
        return profiles.updateFollowingMerges(customerId, profile -> folding.apply(profile, eventId, facts)).replaceWithVoid();
    }

    private Uni<Void> parked(String eventId) {
        LOG.debugf("event %s parked until identity links its record", eventId);
        return Uni.createFrom().voidItem();
    }

    /** The link itself, then every fact parked for the record, in one write to the profile; then the parking is cleared. */
    private Uni<Void> link(String eventId, ProfileEvent.Linked linked) {
        return links.link(linked.origin(), linked.customerId()).chain(link -> profiles.updateFollowingMerges(linked.customerId(), profile -> {
            ProfileDocument withLink = folding.apply(profile, eventId, linked.facts());
            for (SourceLinks.ParkedFact parked : link.parked()) {
                withLink = folding.apply(withLink, parked.eventId(), parked.facts());
            }
            return withLink;
        }).chain(() -> links.unpark(linked.origin(), link.parked())));
    }

    /** The survivor takes in the merged profile first; only then does the merged one become a pointer. */
    private Uni<Void> merge(String eventId, UUID survivorId, UUID mergedId) {
        if (survivorId.equals(mergedId)) {
            return Uni.createFrom().voidItem();
        }
        return profiles.transfer(mergedId,
                merged -> profiles.update(survivorId, survivor -> folding.absorb(survivor, merged, eventId)),
                merged -> folding.mergedInto(merged, survivorId)).replaceWithVoid();
    }

    /**
     * The moved records' links first (new facts go to the new customer from then on), then their facts move: the new
     * customer receives them before the original lets them go.
     */
    private Uni<Void> split(String eventId, ProfileEvent.Split split) {
        return Multi.createFrom().iterable(split.moved())
                .onItem().transformToUniAndConcatenate(origin -> links.link(origin, split.newCustomerId())).collect().last()
                .chain(() -> profiles.transfer(split.originalId(),
                        original -> addFacts(split.newCustomerId(), eventId, folding.splitPart(original, split.moved())),
                        original -> folding.splitOff(original, split.moved(), eventId)))
                .replaceWithVoid();
    }
}
