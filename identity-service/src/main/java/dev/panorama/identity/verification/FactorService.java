package dev.panorama.identity.verification;

import dev.panorama.identity.customers.Survivors;

import dev.panorama.identity.verification.persistence.VerificationFactorEntity;
import dev.panorama.identity.verification.persistence.VerificationStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Setting a customer's verification factors, and which are set; hashes never leave this class's store. */
@ApplicationScoped
public class FactorService {

    private static final Logger LOG = Logger.getLogger(FactorService.class);

    private final Survivors survivor;
    private final VerificationStore store;
    private final FactorHashing hashing;
    private final Clock clock = Clock.systemUTC();

    public FactorService(Survivors survivor, VerificationStore store, FactorHashing hashing) {
        this.survivor = survivor;
        this.store = store;
        this.hashing = hashing;
    }

    /** Sets or replaces the given factors (already normalised) on the customer that answers for {@code id}. */
    @WithTransaction
    public Uni<FactorsView> set(UUID id, Map<Factor, String> answers) {
        return survivor.living(id).chain(customerId -> hashing.hash(answers)
                .chain(hashes -> putAll(customerId, hashes))
                .invoke(() -> LOG.infof("verification factors %s set for customer %s",
                        answers.keySet().stream().map(Factor::fieldName).toList(), customerId))
                .chain(() -> view(customerId)));
    }

    @WithSession
    public Uni<FactorsView> status(UUID id) {
        return survivor.living(id).chain(this::view);
    }

    /**
     * The hash each factor is checked against: the newest of that factor among the customer and those merged into
     * it, so a factor set on the survivor after a merge replaces what the merged customers had.
     */
    Uni<Map<Factor, VerificationFactorEntity>> effectiveFactors(UUID customerId) {
        return store.mergedGroup(customerId).chain(store::factorsOf).map(FactorService::newestPerFactor);
    }

    private Uni<Void> putAll(UUID customerId, Map<Factor, String> hashes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Multi.createFrom().iterable(hashes.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> store.putFactor(customerId, entry.getKey().fieldName(),
                        entry.getValue(), now))
                .collect().last().replaceWithVoid();
    }

    private Uni<FactorsView> view(UUID customerId) {
        return effectiveFactors(customerId).map(factors -> new FactorsView(customerId, factors.entrySet().stream()
                .map(entry -> new FactorsView.FactorSet(entry.getKey().fieldName(), entry.getValue().setAt))
                .toList()));
    }

    private static Map<Factor, VerificationFactorEntity> newestPerFactor(List<VerificationFactorEntity> stored) {
        Map<Factor, VerificationFactorEntity> newest = new EnumMap<>(Factor.class);
        stored.stream().sorted(Comparator.comparing(factor -> factor.setAt)).forEach(factor -> {
            Optional<Factor> known = Factor.byFieldName(factor.id.factor());
            known.ifPresent(kind -> newest.put(kind, factor));
        });
        return newest;
    }
}
