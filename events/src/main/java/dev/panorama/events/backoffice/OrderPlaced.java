package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer placed an order. */
public record OrderPlaced(
        String sourceSystem,
        String customerNumber,
        String orderId,
        List<OrderLine> lines,
        @OptionalField BigDecimal total,
        @OptionalField String currency,
        Instant placedAt) {

    /** Absent lists read as empty, so consumers never meet null. */
    public OrderPlaced {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
