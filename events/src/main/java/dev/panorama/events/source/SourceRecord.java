package dev.panorama.events.source;

import dev.panorama.events.OptionalField;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer master record from a back-office system or channel (topic panorama.source-records). */
public record SourceRecord(
        String sourceSystem,
        String sourceId,
        Instant updatedAt,
        @OptionalField PersonName name,
        @OptionalField LocalDate dateOfBirth,
        List<String> emails,
        List<String> phones,
        List<PostalAddress> addresses,
        List<Identifier> identifiers) {

    /** Absent lists read as empty, so consumers never meet null. */
    public SourceRecord {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
