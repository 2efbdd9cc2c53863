package dev.panorama.identity.training;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.training.persistence.MatchModelEntity;
import dev.panorama.identity.training.persistence.ModelStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Trains a new model when the newest version, activated or not, has grown older than the configured age. Checked
 * often and decided on the stored training time, so a restart neither trains again nor delays a due training; and a
 * version the plausibility check kept from activation is not estimated again at every check (it was, from the active
 * model's age, each time storing one more inactive version).
 */
@ApplicationScoped
class TrainingSchedule {

    private static final Logger LOG = Logger.getLogger(TrainingSchedule.class);
    static final String ACTOR = "schedule";

    private final ModelStore store;
    private final ModelTraining training;
    private final IdentityConfig.Training config;

    TrainingSchedule(ModelStore store, ModelTraining training, IdentityConfig config) {
        this.store = store;
        this.training = training;
        this.config = config.training();
    }

    @Scheduled(every = "${panorama.identity.training.check-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> trainWhenDue() {
        if (!config.scheduled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(this::newest)
                .chain(newest -> newest == null || isDue(newest.trainedAt) ? training.train(ACTOR).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.infof("Scheduled training skipped: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<MatchModelEntity> newest() {
        return store.versions(Integer.MAX_VALUE, 1).map(versions -> versions.isEmpty() ? null : versions.getFirst());
    }

    private boolean isDue(Instant trainedAt) {
        return trainedAt.plus(config.every()).isBefore(Clock.systemUTC().instant());
    }
}
