package dev.panorama.identity.training.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The stored versions of the match model; every method runs in the caller's session. */
@ApplicationScoped
public class ModelStore {

    public Uni<MatchModelEntity> active() {
        return Panache.getSession().chain(session -> session
                .createQuery("from MatchModelEntity where active = true", MatchModelEntity.class)
                .getSingleResultOrNull());
    }

    public Uni<MatchModelEntity> version(int version) {
        return Panache.getSession().chain(session -> session.find(MatchModelEntity.class, version));
    }

    /** Newest first, starting below {@code beforeVersion}. */
    public Uni<List<MatchModelEntity>> versions(int beforeVersion, int limit) {
        return Panache.getSession().chain(session -> session
                .createQuery("from MatchModelEntity where version < :before order by version desc", MatchModelEntity.class)
                .setParameter("before", beforeVersion)
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<Integer> latestVersion() {
        return Panache.getSession().chain(session -> session
                .createQuery("select coalesce(max(version), -1) from MatchModelEntity", Integer.class)
                .getSingleResult());
    }

    /** Makes {@code version} the only active one (the partial unique index allows one active row). */
    public Uni<Void> activate(MatchModelEntity model) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update MatchModelEntity set active = false where active = true and version <> :version")
                .setParameter("version", model.version)
                .executeUpdate()
                .chain(session::flush)
                .invoke(() -> model.active = true)
                .chain(session::flush));
    }

    public Uni<Void> persist(MatchModelEntity model) {
        return Panache.getSession().chain(session -> session.persist(model).chain(session::flush));
    }

    /**
     * Serialises trainings across replicas: a transaction-scoped advisory lock, false when another
     * training holds it.
     */
    public Uni<Boolean> tryLockTraining() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended('identity-model-training', 0))",
                        Boolean.class)
                .getSingleResult());
    }
}
