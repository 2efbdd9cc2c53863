package dev.panorama.profile.folding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An account or product the customer holds in a line of business; the latest update wins. */
public record Holding(Origin origin, String accountId, String product, String lineOfBusiness, String status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance, String currency, LocalDate openedOn,
        Instant updatedAt) implements Entry<Holding> {

    @Override
    public String key() {
        return Entries.key(origin.key(), accountId);
    }

    @Override
    public Holding join(Holding other) {
        return Later.of(this, other, Holding::updatedAt);
    }

    /** Closed or cancelled holdings count for history, not for the relationship value. */
    public boolean active() {
        return status == null || !(status.equalsIgnoreCase("closed") || status.equalsIgnoreCase("cancelled"));
    }
}
