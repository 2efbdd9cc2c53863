package dev.panorama.identity.training;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.training.persistence.MatchModelEntity;
import dev.panorama.identity.training.persistence.ModelStore;
import dev.panorama.identity.training.persistence.TrainingData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Trains a new model when {@link TrainingDue} says one is due: the newest version, activated or not, has aged, or the
 * store has grown since it was estimated. Checked often and decided on what is stored (the newest version's training
 * time and records, the current records), so a restart neither trains again nor delays a due training; and a version
 * the plausibility check kept from activation is not estimated again at every check (it was, from the active model's
 * age, each time storing one more inactive version).
 */
@ApplicationScoped
class TrainingSchedule {

    private static final Logger LOG = Logger.getLogger(TrainingSchedule.class);
    static final String ACTOR = "schedule";

    private final ModelStore store;
    private final TrainingData data;
    private final ModelTraining training;
    private final boolean scheduled;
    private final TrainingDue rule;

    TrainingSchedule(ModelStore store, TrainingData data, ModelTraining training, IdentityConfig config) {
        this.store = store;
        this.data = data;
        this.training = training;
        IdentityConfig.Training settings = config.training();
        this.scheduled = settings.scheduled();
        this.rule = new TrainingDue(settings.every(), settings.firstAtRecords(), settings.grownBy());
    }

    @Scheduled(every = "${panorama.identity.training.check-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> trainWhenDue() {
        return scheduled ? trainWhenDue(rule) : Uni.createFrom().voidItem();
    }

    /** One check under {@code due}: a new version if it says one is due now. */
    Uni<Void> trainWhenDue(TrainingDue due) {
        return Panache.withSession(() -> whyTrain(due))
                .chain(this::trainIfDue)
                .onFailure().invoke(e -> LOG.infof("Scheduled training skipped: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Optional<String>> whyTrain(TrainingDue due) {
        return newest().chain(newest -> data.currentRecords()
                .map(records -> due.why(newest, records, Clock.systemUTC().instant())));
    }

    private Uni<Void> trainIfDue(Optional<String> why) {
        if (why.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("Scheduled training: %s", why.get());
        return training.train(ACTOR).replaceWithVoid();
    }

    private Uni<TrainingDue.Newest> newest() {
        return store.versions(Integer.MAX_VALUE, 1).map(versions -> versions.isEmpty() ? null : newest(versions.getFirst()));
    }

    private static TrainingDue.Newest newest(MatchModelEntity version) {
        return new TrainingDue.Newest(version.trainedAt, version.records);
    }
}
