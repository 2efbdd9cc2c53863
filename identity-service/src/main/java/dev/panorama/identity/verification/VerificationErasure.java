package dev.panorama.identity.verification;

import dev.panorama.identity.erasure.PersonalDataHolder;
import dev.panorama.identity.verification.persistence.VerificationStore;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The verification part of erasing a customer: its factors and lock state go, with those of every customer merged
 * into it. The audit trail stays; it names factors, never answers. Joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class VerificationErasure implements PersonalDataHolder {

    private static final Logger LOG = Logger.getLogger(VerificationErasure.class);

    private final VerificationStore store;

    public VerificationErasure(VerificationStore store) {
        this.store = store;
    }

    @Override
    @WithTransaction
    public Uni<Void> eraseFor(UUID customerId) {
        return store.mergedGroup(customerId)
                .chain(store::eraseFactorsAndLocks)
                .invoke(() -> LOG.infof("verification factors and lock state of customer %s erased", customerId));
    }
}
