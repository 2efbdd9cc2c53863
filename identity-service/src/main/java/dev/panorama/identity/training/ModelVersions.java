package dev.panorama.identity.training;

import dev.panorama.identity.training.persistence.MatchModelEntity;
import dev.panorama.identity.training.persistence.ModelStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading the model's versions, and going back to an earlier one. */
@ApplicationScoped
public class ModelVersions {

    private final ModelStore store;
    private final StoredModels models;
    private final ActiveModel activeModel;

    ModelVersions(ModelStore store, StoredModels models, ActiveModel activeModel) {
        this.store = store;
        this.models = models;
        this.activeModel = activeModel;
    }

    public Uni<ModelVersion> active() {
        return activeModel.refresh().chain(() -> Panache.withSession(store::active)).map(models::view);
    }

    public Uni<ModelVersion> version(int version) {
        return Panache.withSession(() -> store.version(version)).map(entity -> models.view(existing(entity, version)));
    }

    /** Newest first; {@code before} is the cursor: the version the previous page ended with. */
    public Uni<List<ModelVersion>> versions(int before, int limit) {
        return Panache.withSession(() -> store.versions(before, limit))
                .map(entities -> entities.stream().map(models::view).toList());
    }

    /** Makes an earlier (or refused-for-now) version the active one; an implausible model is never activated. */
    public Uni<ModelVersion> activate(int version) {
        return Panache.withTransaction(() -> store.version(version)
                        .map(entity -> plausible(existing(entity, version)))
                        .call(store::activate))
                .call(activeModel::refresh)
                .map(models::view);
    }

    private MatchModelEntity plausible(MatchModelEntity entity) {
        if (!models.problems(entity).isEmpty()) {
            throw TrainingRefused.implausible(entity.version);
        }
        return entity;
    }

    private static MatchModelEntity existing(MatchModelEntity entity, int version) {
        if (entity == null) {
            throw TrainingRefused.unknown(version);
        }
        return entity;
    }
}
