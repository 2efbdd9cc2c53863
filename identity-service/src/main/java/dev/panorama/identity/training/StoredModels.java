package dev.panorama.identity.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.training.persistence.MatchModelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Between the match model, its stored row and the version staff read. */
@ApplicationScoped
class StoredModels {

    private static final TypeReference<Map<Comparison, double[]>> PROBABILITIES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> PROBLEMS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    StoredModels(ObjectMapper json) {
        this.json = json;
    }

    MatchModelEntity entity(MatchModel model, ExpectationMaximisation.Estimate estimate, int pairs, long records,
            List<String> problems, String actor, Instant now) {
        MatchModelEntity entity = new MatchModelEntity();
        entity.version = model.version();
        entity.m = write(model.m());
        entity.u = write(model.u());
        entity.priorWeight = model.priorWeight();
        entity.linkThreshold = model.linkThreshold();
        entity.reviewThreshold = model.reviewThreshold();
        entity.pairs = pairs;
        entity.records = records;
        entity.iterations = estimate == null ? 0 : estimate.iterations();
        entity.converged = estimate == null || estimate.converged();
        entity.problems = write(problems);
        entity.trainedAt = now;
        entity.trainedBy = actor;
        return entity;
    }

    MatchModel model(MatchModelEntity entity) {
        return new MatchModel(entity.version, read(entity.m, PROBABILITIES), read(entity.u, PROBABILITIES), entity.priorWeight,
                entity.linkThreshold, entity.reviewThreshold);
    }

    ModelVersion view(MatchModelEntity entity) {
        MatchModel model = model(entity);
        return new ModelVersion(entity.version, entity.active, entity.trainedAt, entity.trainedBy, entity.pairs,
                entity.records, entity.iterations, entity.converged, read(entity.problems, PROBLEMS), model.priorWeight(),
                model.linkThreshold(), model.reviewThreshold(), ModelVersion.fields(model));
    }

    List<String> problems(MatchModelEntity entity) {
        return read(entity.problems, PROBLEMS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored model cannot be read", e);
        }
    }
}
