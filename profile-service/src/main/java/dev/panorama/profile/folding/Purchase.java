package dev.panorama.profile.folding;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.panorama.events.backoffice.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order the customer placed. */
public record Purchase(Origin origin, String orderId, List<OrderLine> lines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, String currency, Instant placedAt)
        implements Entry<Purchase> {

    public Purchase {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Override
    public String key() {
        return Entries.key(origin.key(), orderId);
    }

    @Override
    public Purchase join(Purchase other) {
        return Later.of(this, other, Purchase::placedAt);
    }
}
