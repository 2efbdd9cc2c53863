package dev.panorama.identity.erasure;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Something in identity-service that keeps personal data about customers (source records, verification
 * factors...). On erasure every bean implementing this is called, one after the other, inside the erasure's
 * transaction and session ({@code Panache.getSession()}): if one fails, nothing is erased.
 */
public interface PersonalDataHolder {

    /**
     * Forget everything personal held about this customer. Called once for the erased customer and once for
     * every customer that was merged into it; must be safe to call for a customer it holds nothing about.
     */
    Uni<Void> eraseFor(UUID customerId);
}
