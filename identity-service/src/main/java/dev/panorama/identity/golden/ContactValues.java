package dev.panorama.identity.golden;

import java.util.List;

/** Every distinct email (or phone) of a customer, best first by the attribute's rule; {@code primary} is the first. */
public record ContactValues(String primary, List<GoldenValue<String>> values) {

    static ContactValues of(List<GoldenValue<String>> values) {
        return new ContactValues(values.isEmpty() ? null : values.getFirst().value(), values);
    }
}
