package dev.panorama.events.common;

import dev.panorama.events.OptionalField;
import java.util.List;

/** A postal address as a source system gave it. */
public record PostalAddress(
        List<String> lines,
        @OptionalField String locality,
        @OptionalField String region,
        @OptionalField String postcode,
        @OptionalField String country,
        @OptionalField String kind) {

    /** Absent lists read as empty, so consumers never meet null. */
    public PostalAddress {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
