package dev.panorama.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes published events once they are older than the retention: Kafka keeps the events, the rows only matter until
 * they are published (and a while after, to see what went out when). Unpublished events are never deleted.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    /** Rows deleted per transaction: short transactions, and no long lock on a busy table. */
    private static final int BATCH = 10_000;

    private final OutboxRepository repository;
    private final Duration retention;

    public OutboxPurge(OutboxRepository repository,
            @ConfigProperty(name = "panorama.outbox.retention", defaultValue = "PT1H") Duration retention) {
        this.repository = repository;
        this.retention = retention;
    }

    @Scheduled(every = "${panorama.outbox.purge-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeScheduled() {
        return purge(Instant.now())
                .invoke(deleted -> LOG.debugf("outbox purge: %d published events deleted", deleted))
                .onFailure().invoke(failure -> LOG.warnf("Outbox purge failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the events published more than the retention before {@code now}; answers how many. */
    public Uni<Long> purge(Instant now) {
        Instant cutoff = now.minus(retention);
        return Multi.createBy().repeating()
                .uni(() -> Panache.withTransaction(() -> repository.deletePublishedBefore(cutoff, BATCH)))
                .whilst(deleted -> deleted == BATCH)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }
}
