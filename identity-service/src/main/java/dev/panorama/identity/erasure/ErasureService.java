package dev.panorama.identity.erasure;

import dev.panorama.events.identity.CustomerErased;
import dev.panorama.identity.customers.ConcurrentCustomerChange;
import dev.panorama.identity.customers.StaffTransactions;
import dev.panorama.identity.customers.Survivors;
import dev.panorama.identity.customers.UnknownCustomer;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.outbox.Outbox;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Erases a customer's personal data in one transaction: every {@link PersonalDataHolder} forgets the
 * customer and every customer merged into it, the customers stay as tombstones, and {@code CustomerErased}
 * goes out through the outbox so every other service forgets too. Erasing an erased customer again
 * changes nothing.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final IdentityStore store;
    private final Survivors survivors;
    private final List<PersonalDataHolder> holders;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public ErasureService(IdentityStore store, Survivors survivors, @All List<PersonalDataHolder> holders, Outbox outbox) {
        this.store = store;
        this.survivors = survivors;
        this.holders = holders;
        this.outbox = outbox;
    }

    /** @return true when data was erased now, false when the customer was already erased */
    public Uni<Boolean> erase(UUID customerId, String actor) {
        return StaffTransactions.run(() -> lockedWithMerged(customerId)
                .chain(locked -> eraseLocked(customerId, locked, actor)));
    }

    /**
     * The customer and every customer merged into it, locked together in id order, as every change to customers locks
     * them: the survivor locked first and the merged ones after it, an erasure and a steward's undo of one of those
     * merges (which locks the merge's customers in id order) could each hold what the other waited for.
     */
    private Uni<Map<UUID, CustomerEntity>> lockedWithMerged(UUID customerId) {
        return mergedInto(customerId)
                .chain(merged -> store.lockCustomers(Stream.concat(Stream.of(customerId), merged.stream()).toList()))
                .map(locked -> locked.stream().collect(Collectors.toMap(c -> c.id, Function.identity())));
    }

    private Uni<Boolean> eraseLocked(UUID customerId, Map<UUID, CustomerEntity> locked, String actor) {
        CustomerEntity customer = locked.get(customerId);
        if (customer == null) {
            return Uni.createFrom().failure(new UnknownCustomer(customerId));
        }
        return switch (customer.status) {
            case ERASED -> Uni.createFrom().item(false);
            case MERGED -> survivors.of(customerId).chain(survivor -> Uni.createFrom()
                    .<Boolean>failure(new MergedCustomerNotErasable(customerId, survivor.id)));
            case ACTIVE -> mergedInto(customerId).chain(merged -> locked.keySet().containsAll(merged)
                    ? eraseActive(customer, merged, actor).replaceWith(true)
                    : Uni.createFrom().failure(new ConcurrentCustomerChange()));
        };
    }

    /**
     * The customer is locked, so nothing merges into it meanwhile; the customers merged into it, read again once the
     * locks were held, are locked too (else the erasure starts again), so no undo brings one of them back half erased.
     */
    private Uni<Void> eraseActive(CustomerEntity customer, List<UUID> merged, String actor) {
        Instant now = clock.instant();
        List<UUID> erased = new ArrayList<>();
        erased.add(customer.id);
        erased.addAll(merged);
        return forgetEverywhere(erased)
                .chain(() -> tombstones(erased, actor, now))
                .chain(() -> announce(erased, actor, now))
                .invoke(() -> LOG.infof("customer %s erased with %d merged customer(s)", customer.id, merged.size()));
    }

    /** Every customer merged into this one, directly or through others. */
    private static Uni<List<UUID>> mergedInto(UUID survivor) {
        String sql = "with recursive merged(id) as (select id from customer where merged_into = ?1 and id <> ?1"
                + " union select c.id from customer c join merged m on c.merged_into = m.id)"
                + " select cast(id as text) from merged";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class).setParameter(1, survivor)
                .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).filter(id -> !id.equals(survivor)).toList());
    }

    private Uni<Void> forgetEverywhere(List<UUID> customerIds) {
        return Multi.createFrom().iterable(customerIds)
                .onItem().transformToUniAndConcatenate(this::forget)
                .collect().last().replaceWithVoid();
    }

    /** One holder after the other: a reactive session runs one statement at a time. */
    private Uni<Void> forget(UUID customerId) {
        return Multi.createFrom().iterable(holders)
                .onItem().transformToUniAndConcatenate(holder -> holder.eraseFor(customerId))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> tombstones(List<UUID> customerIds, String actor, Instant now) {
        return Multi.createFrom().iterable(customerIds)
                .onItem().transformToUniAndConcatenate(store::customer)
                .invoke(customer -> {
                    customer.status = CustomerEntity.Status.ERASED;
                    customer.erasedAt = now;
                    customer.erasedBy = actor;
                    customer.updatedAt = now;
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> announce(List<UUID> customerIds, String actor, Instant now) {
        return Multi.createFrom().iterable(customerIds)
                .onItem().transformToUniAndConcatenate(id -> outbox.add(new CustomerErased(id, actor, now), id, now))
                .collect().last().replaceWithVoid();
    }
}
