package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.resolution.MatchEngine;
import dev.panorama.identity.training.persistence.MatchModelEntity;
import dev.panorama.identity.training.persistence.ModelStore;
import dev.panorama.identity.training.persistence.TrainingData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's matcher on the model the store marks active, wherever it was activated (here,
 * by another replica, or by the schedule), and its term frequencies counted over the stored records. A
 * new store starts with the priors as version 0.
 */
@ApplicationScoped
public class ActiveModel {

    private static final Logger LOG = Logger.getLogger(ActiveModel.class);
    private static final List<String> TERM_FIELDS = Arrays.stream(Comparison.values())
            .map(Comparison::termField).filter(Objects::nonNull).toList();

    private final ModelStore store;
    private final TrainingData data;
    private final StoredModels models;
    private final MatchEngine engine;
    private volatile boolean frequenciesCounted;

    ActiveModel(ModelStore store, TrainingData data, StoredModels models, MatchEngine engine) {
        this.store = store;
        this.data = data;
        this.models = models;
        this.engine = engine;
    }

    @Scheduled(every = "${panorama.identity.training.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshScheduled() {
        return refresh().onFailure().invoke(e -> LOG.warnf("Match model refresh failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Loads the active model, and counts the term frequencies again when the model changed or was never loaded. */
    public Uni<Void> refresh() {
        return Panache.withTransaction(() -> store.active().chain(this::orPriors)).chain(this::use);
    }

    private Uni<MatchModelEntity> orPriors(MatchModelEntity active) {
        if (active != null) {
            return Uni.createFrom().item(active);
        }
        MatchModelEntity priors = models.entity(MatchModel.priors(), null, 0, 0, List.of(), "priors", Clock.systemUTC().instant());
        priors.active = true;
        return store.persist(priors).replaceWith(priors);
    }

    private Uni<Void> use(MatchModelEntity active) {
        if (frequenciesCounted && active.version == engine.model().version()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(this::countFrequencies).invoke(frequencies -> {
            engine.use(models.model(active));
            engine.use(frequencies);
            frequenciesCounted = true;
            LOG.infof("Matching with model version %d", active.version);
        }).replaceWithVoid();
    }

    private Uni<TermFrequencies> countFrequencies() {
        return data.fieldTotals(TERM_FIELDS).chain(totals -> data.termCounts(TERM_FIELDS)
                .map(counts -> frequencies(totals, counts)));
    }

    private static TermFrequencies frequencies(List<TrainingData.TermCount> totals, List<TrainingData.TermCount> counts) {
        Map<String, Comparison> byField = new HashMap<>();
        for (Comparison comparison : Comparison.values()) {
            if (comparison.termField() != null) {
                byField.put(comparison.termField(), comparison);
            }
        }
        Map<Comparison, Integer> fieldTotals = new EnumMap<>(Comparison.class);
        totals.forEach(total -> fieldTotals.put(byField.get(total.field()), (int) total.count()));
        Map<Comparison, Map<String, Integer>> termCounts = new EnumMap<>(Comparison.class);
        counts.forEach(count -> termCounts.computeIfAbsent(byField.get(count.field()), c -> new HashMap<>())
                .put(count.term(), (int) count.count()));
        return new TermFrequencies(termCounts, fieldTotals);
    }
}
