package dev.panorama.interaction.timeline;

import dev.panorama.kit.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page ended: the last contact's time and id, opaque to callers. */
public record Cursor(Instant occurredAt, UUID id) {

    public String encode() {
        String plain = occurredAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a 400 naming {@code cursor} for one this service did not hand out. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), UUID.fromString(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw InvalidInputException.field("cursor", "not a cursor this service handed out");
        }
    }
}
