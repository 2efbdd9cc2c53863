package dev.panorama.identity.customers;

import dev.panorama.kit.problem.DomainException;
import java.util.OptionalLong;

/**
 * Another change to the same customers got in the way of this one (they changed between the read of which customers
 * to lock and the locks, or PostgreSQL broke a deadlock between the two): marks an attempt to be made again
 * ({@link StaffTransactions}), and reaches the caller, as a 409 with Retry-After, only if that kept happening. Nothing
 * was changed; making the change again is safe.
 */
public class ConcurrentCustomerChange extends DomainException {

    public static final String TYPE = "concurrent-change";

    public ConcurrentCustomerChange() {
        super(Kind.CONFLICT, TYPE, "Other changes to the same customers got in the way of this one on every attempt;"
                + " nothing was changed. Try again.");
    }

    /** The other change is over in a moment. */
    @Override
    protected OptionalLong retryAfterSeconds() {
        return OptionalLong.of(1);
    }
}
