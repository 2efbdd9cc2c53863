package dev.panorama.identity.verification;

import dev.panorama.identity.customers.UnknownCustomer;
import dev.panorama.identity.erasure.ErasedCustomer;

import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Requests about a merged customer are about the customer it was merged into, however many merges ago. */
@ApplicationScoped
public class SurvivingCustomer {

    /** More merges in a row than any real history has: a cycle in the data, not a customer. */
    private static final int MAX_HOPS = 64;

    private final IdentityStore store;

    public SurvivingCustomer(IdentityStore store) {
        this.store = store;
    }

    /** The id of the customer that answers for {@code id}; fails with 404 when unknown and 410 when erased. */
    public Uni<UUID> of(UUID id) {
        return follow(id, id, 0);
    }

    private Uni<UUID> follow(UUID requested, UUID id, int hops) {
        return store.customer(id).chain(customer -> {
            if (customer == null || hops > MAX_HOPS) {
                return Uni.createFrom().failure(new UnknownCustomer(requested));
            }
            if (customer.status == CustomerEntity.Status.MERGED && customer.mergedInto != null) {
                return follow(requested, customer.mergedInto, hops + 1);
            }
            if (customer.status == CustomerEntity.Status.ERASED) {
                return Uni.createFrom().failure(new ErasedCustomer(customer.id, customer.erasedAt, customer.erasedBy));
            }
            return Uni.createFrom().item(customer.id);
        });
    }
}
