package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import java.math.BigDecimal;

/** One line of an order. */
public record OrderLine(
        String sku,
        @OptionalField String description,
        int quantity,
        @OptionalField BigDecimal unitPrice) {
}
