package dev.panorama.identity.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.training.persistence.MatchModelEntity;
import dev.panorama.identity.training.persistence.ModelStore;
import dev.panorama.identity.training.persistence.TrainingData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Estimates a new version of the match model from a sample of the stored candidate pairs by EM, starting
 * from the priors, stores it, and activates it when it converged and passes the plausibility check.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);

    private final ModelStore store;
    private final TrainingData data;
    private final StoredModels models;
    private final ActiveModel activeModel;
    private final IdentityConfig.Training config;
    private final ObjectMapper json;
    private final Vertx vertx;

    ModelTraining(ModelStore store, TrainingData data, StoredModels models, ActiveModel activeModel, IdentityConfig config,
            ObjectMapper json, Vertx vertx) {
        this.store = store;
        this.data = data;
        this.models = models;
        this.activeModel = activeModel;
        this.config = config.training();
        this.json = json;
        this.vertx = vertx;
    }

    /** One training, by {@code actor} (a user, or the schedule); only one runs at a time across replicas. */
    public Uni<ModelVersion> train(String actor) {
        return Panache.withTransaction(() -> store.tryLockTraining()
                        .invoke(this::failUnlessLocked)
                        .chain(this::samplePairs)
                        .chain(this::estimate)
                        .chain(trained -> storeVersion(trained, actor)))
                .call(version -> version.active() ? activeModel.refresh() : Uni.createFrom().voidItem());
    }

    private void failUnlessLocked(boolean locked) {
        if (!locked) {
            throw TrainingRefused.inProgress();
        }
    }

    /** Candidate pairs compared, and the current records they were sampled among. */
    private record Sample(List<ComparisonVector> pairs, long records) {
    }

    private Uni<Sample> samplePairs() {
        return data.currentRecords().chain(this::samplePairsAmong);
    }

    private Uni<Sample> samplePairsAmong(long records) {
        return data.candidatePairs(samplePercent(records), config.samplePairs(), Resolver.MAX_BLOCK_SIZE)
                .map(pairs -> new Sample(comparisons(pairs), records))
                .invoke(sample -> {
                    if (sample.pairs().size() < config.minimumPairs()) {
                        throw TrainingRefused.tooFewPairs(sample.pairs().size(), config.minimumPairs());
                    }
                });
    }

    /** Sampled records each bring a few candidates: sample about a quarter as many records as pairs wanted. */
    private double samplePercent(long records) {
        return Math.min(100, 100.0 * config.samplePairs() / 4 / Math.max(records, 1));
    }

    private List<ComparisonVector> comparisons(List<TrainingData.Pair> pairs) {
        List<ComparisonVector> vectors = new ArrayList<>(pairs.size());
        for (TrainingData.Pair pair : pairs) {
            vectors.add(ComparisonVector.of(read(pair.first()), read(pair.second())));
        }
        return vectors;
    }

    private record Trained(MatchModel model, ExpectationMaximisation.Estimate estimate, int pairs, long records) {
    }

    private Uni<Trained> estimate(Sample sample) {
        ExpectationMaximisation em = new ExpectationMaximisation(config.maxIterations(), config.priorStrength());
        return vertx.executeBlocking(() -> {
            ExpectationMaximisation.Estimate estimate = em.estimate(sample.pairs(), MatchModel.priors());
            return new Trained(estimate.model(), estimate, sample.pairs().size(), sample.records());
        });
    }

    private Uni<ModelVersion> storeVersion(Trained trained, String actor) {
        return store.latestVersion().chain(latest -> {
            MatchModel model = ModelCheck.withoutUninformativeLocations(trained.model());
            MatchModel versioned = new MatchModel(latest + 1, model.m(), model.u(), model.priorWeight(), model.linkThreshold(),
                    model.reviewThreshold());
            logLeftOut(versioned);
            List<String> problems = new ArrayList<>(ModelCheck.problems(versioned));
            if (!trained.estimate().converged()) {
                problems.add("EM did not settle within " + config.maxIterations() + " iterations");
            }
            MatchModelEntity entity = models.entity(versioned, trained.estimate(), trained.pairs(), trained.records(), problems, actor,
                    Clock.systemUTC().instant());
            LOG.infof("Trained match model version %d from %d pairs among %d records in %d iterations; %s", entity.version,
                    entity.pairs, entity.records, entity.iterations, problems.isEmpty() ? "activating it" : "not activated: " + problems);
            Uni<Void> stored = store.persist(entity);
            return (problems.isEmpty() ? stored.chain(() -> store.activate(entity)) : stored).map(ignored -> models.view(entity));
        });
    }

    private static void logLeftOut(MatchModel model) {
        List<String> leftOut = model.fieldsLeftOut().stream().map(comparison -> comparison.name().toLowerCase()).toList();
        if (!leftOut.isEmpty()) {
            LOG.infof("Match model version %d leaves out %s: as likely among matches as among the other candidates",
                    model.version(), leftOut);
        }
    }

    private PersonRecord read(String normalised) {
        try {
            return json.readValue(normalised, PersonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record cannot be read", e);
        }
    }
}
