package dev.panorama.interaction.resolution;

import com.mongodb.client.model.Updates;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.correction.CorrectionService;
import dev.panorama.interaction.correction.VersionConflict;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.InteractionVersion;
import dev.panorama.interaction.log.Resolution;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resolves, oldest first, the contacts stored while identity-service could not answer; each resolution is a new
 * version announced by InteractionUpdated. Stops a run at the first failure (identity is still away; the circuit
 * breaker keeps that cheap).
 */
@ApplicationScoped
public class UnresolvedReconciler {

    private static final Logger LOG = Logger.getLogger(UnresolvedReconciler.class);

    private final InteractionLog log;
    private final SenderCache senders;
    private final CorrectionService versions;
    private final int batch;

    public UnresolvedReconciler(InteractionLog log, SenderCache senders, CorrectionService versions, InteractionConfig config) {
        this.log = log;
        this.senders = senders;
        this.versions = versions;
        this.batch = config.identity().reconcileBatch();
    }

    @Scheduled(every = "${panorama.interaction.identity.reconcile-every:10s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Reconciliation stopped, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Runs again at once while a run took a full batch and resolved some of it, so the backlog of an identity outage
     * drains as fast as identity answers instead of one batch per period (200 per 10 s could not keep up with 20
     * contacts a second arriving meanwhile). Answers how many contacts were resolved.
     */
    public Uni<Integer> drain() {
        return run().chain(run -> run.taken() == batch && run.resolved() > 0
                ? drain().map(more -> run.resolved() + more)
                : Uni.createFrom().item(run.resolved()));
    }

    /** One run; answers how many contacts were resolved. */
    public Uni<Integer> reconcile() {
        return run().map(Run::resolved);
    }

    private record Run(int taken, int resolved) {
    }

    private Uni<Run> run() {
        return log.unresolved(batch).chain(documents -> Multi.createFrom().iterable(documents)
                .map(InteractionDocuments::toInteraction)
                .onItem().transformToUniAndConcatenate(this::resolve)
                .collect().asList()
                .map(resolved -> new Run(documents.size(), (int) resolved.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<Boolean> resolve(Interaction interaction) {
        Optional<Sender> sender = Sender.of(interaction.contact());
        if (sender.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return senders.customerOf(sender.get()).chain(customer -> record(interaction, customer.orElse(null)));
    }

    private Uni<Boolean> record(Interaction interaction, UUID customerId) {
        Resolution resolution = customerId == null ? Resolution.UNRESOLVABLE : Resolution.RESOLVED;
        InteractionVersion current = interaction.current();
        InteractionVersion next = new InteractionVersion(interaction.version() + 1, InteractionVersion.Kind.RESOLVED, Instant.now(),
                "interaction-service", customerId, current.disposition(), current.tags(), null);
        return versions.resolve(interaction, next, Updates.combine(
                        Updates.set(InteractionDocuments.CUSTOMER_ID, customerId == null ? null : customerId.toString()),
                        Updates.set(InteractionDocuments.RESOLUTION, resolution.name())), customerId)
                .replaceWith(customerId != null)
                .onFailure(VersionConflict.class).recoverWithItem(false);
    }
}
