package dev.panorama.identity.matching;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A source record reduced to normalised, comparable values (see the normalisation package). Absent
 * values are null or empty, never blank.
 *
 * @param uniqueIds identifiers that belong to one customer only, by type (national id, account number...)
 */
public record PersonRecord(
        String recordId,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Set<String> emails,
        Set<String> phones,
        String street,
        String locality,
        String postcode,
        String region,
        Map<String, String> uniqueIds) {

    public PersonRecord {
        emails = emails == null ? Set.of() : Set.copyOf(emails);
        phones = phones == null ? Set.of() : Set.copyOf(phones);
        uniqueIds = uniqueIds == null ? Map.of() : Map.copyOf(uniqueIds);
    }
}
