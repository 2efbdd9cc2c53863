package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An account or product holding of a customer changed in a line of business. */
public record AccountUpdated(
        String sourceSystem,
        String customerNumber,
        String accountId,
        String product,
        String lineOfBusiness,
        String status,
        @OptionalField BigDecimal balance,
        @OptionalField String currency,
        @OptionalField LocalDate openedOn,
        Instant updatedAt) {
}
