package dev.panorama.identity.merge;

import dev.panorama.identity.customers.UnknownCustomer;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Locks the customers a change acts on, refusing any that is unknown, merged or erased. */
@ApplicationScoped
class CustomerLocks {

    private final IdentityStore store;

    CustomerLocks(IdentityStore store) {
        this.store = store;
    }

    Uni<Map<UUID, CustomerEntity>> lockActive(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        return store.lockCustomers(wanted).map(found -> {
            Map<UUID, CustomerEntity> byId = found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            for (UUID id : wanted) {
                CustomerEntity customer = byId.get(id);
                if (customer == null) {
                    throw new UnknownCustomer(id);
                }
                requireActive(customer);
            }
            return byId;
        });
    }

    Uni<List<CustomerEntity>> lock(Collection<UUID> ids) {
        return store.lockCustomers(new LinkedHashSet<>(ids));
    }

    static void requireActive(CustomerEntity customer) {
        switch (customer.status) {
            case MERGED -> throw new CustomerAlreadyMerged("customer " + customer.id + " was merged into " + customer.mergedInto);
            case ERASED -> throw new ErasedCustomerUnchangeable("customer " + customer.id + " was erased");
            case ACTIVE -> {
            }
        }
    }
}
