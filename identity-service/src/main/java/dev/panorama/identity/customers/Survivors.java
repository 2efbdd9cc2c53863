package dev.panorama.identity.customers;

import dev.panorama.identity.erasure.ErasedCustomer;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Where a customer lives on: itself while active, else the customer it was merged into, however many merges ago. */
@ApplicationScoped
public class Survivors {

    /** More merges in a row than any real history has: a cycle in the data, not a customer. */
    private static final int MAX_HOPS = 100;

    private final IdentityStore store;

    public Survivors(IdentityStore store) {
        this.store = store;
    }

    /** The surviving customer (possibly an erased one: the caller decides what that means), or a 404. */
    public Uni<CustomerEntity> of(UUID customerId) {
        return follow(customerId, 0);
    }

    /** The id of the customer that answers for {@code customerId}: 404 when unknown, 410 when erased. */
    public Uni<UUID> living(UUID customerId) {
        return of(customerId).map(customer -> {
            if (customer.status == CustomerEntity.Status.ERASED) {
                throw new ErasedCustomer(customer.id, customer.erasedAt, customer.erasedBy);
            }
            return customer.id;
        });
    }

    private Uni<CustomerEntity> follow(UUID customerId, int hops) {
        return store.customer(customerId).chain(customer -> {
            if (customer == null) {
                return Uni.createFrom().failure(new UnknownCustomer(customerId));
            }
            if (customer.status == CustomerEntity.Status.MERGED && customer.mergedInto != null) {
                if (hops >= MAX_HOPS) {
                    return Uni.createFrom().failure(new IllegalStateException("merged_into cycle at customer " + customerId));
                }
                return follow(customer.mergedInto, hops + 1);
            }
            return Uni.createFrom().item(customer);
        });
    }
}
