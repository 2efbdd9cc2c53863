package dev.panorama.events.common;

import dev.panorama.events.OptionalField;

/** A typed identifier of a customer: customer number, account number, national id, email, phone, social handle, device id. */
public record Identifier(
        String type,
        String value,
        @OptionalField String issuer) {
}
