package dev.panorama.identity.erasure;

import dev.panorama.kit.problem.DomainException;
import java.time.Instant;
import java.util.UUID;

/** The customer asked for was erased: only its tombstone remains (410). */
public class ErasedCustomer extends DomainException {

    private final UUID customerId;
    private final Instant erasedAt;
    private final String erasedBy;

    public ErasedCustomer(UUID customerId, Instant erasedAt, String erasedBy) {
        super(Kind.GONE, "customer-erased", "Customer " + customerId + " was erased at " + erasedAt + " by " + erasedBy
                + "; its personal data is gone.");
        this.customerId = customerId;
        this.erasedAt = erasedAt;
        this.erasedBy = erasedBy;
    }

    public UUID customerId() {
        return customerId;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public String erasedBy() {
        return erasedBy;
    }
}
