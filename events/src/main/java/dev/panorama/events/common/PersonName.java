package dev.panorama.events.common;

import dev.panorama.events.OptionalField;

/** A person's name as a source system or channel gave it. */
public record PersonName(
        @OptionalField String title,
        @OptionalField String given,
        @OptionalField String middle,
        @OptionalField String family,
        @OptionalField String full) {
}
