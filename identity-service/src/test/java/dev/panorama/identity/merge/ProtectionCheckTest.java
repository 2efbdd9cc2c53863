package dev.panorama.identity.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.matching.PersonRecord;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProtectionCheckTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void customersWithDifferentNationalIdsOrClearlyDifferentBirthDatesAreKeptApart() {
        Map<UUID, List<PersonRecord>> customers = new LinkedHashMap<>();
        customers.put(a, List.of(person(LocalDate.of(1980, 1, 1), Map.of("national-id", "AB123456"))));
        customers.put(b, List.of(person(LocalDate.of(1980, 1, 1), Map.of())));
        customers.put(c, List.of(person(null, Map.of("national-id", "ZZ999999"))));

        assertThat(ProtectionCheck.conflictAmong(customers)).contains(List.of(a, c));

        customers.put(c, List.of(person(LocalDate.of(1955, 6, 1), Map.of())));
        assertThat(ProtectionCheck.conflictAmong(customers)).contains(List.of(a, c));
    }

    @Test
    void customersWithoutConflictingFactsMayMerge() {
        Map<UUID, List<PersonRecord>> customers = new LinkedHashMap<>();
        customers.put(a, List.of(person(LocalDate.of(1980, 1, 1), Map.of("national-id", "AB123456"))));
        customers.put(b, List.of(person(LocalDate.of(1980, 1, 10), Map.of("national-id", "AB123456")), person(null, Map.of())));

        assertThat(ProtectionCheck.conflictAmong(customers)).isEmpty();
    }

    private static PersonRecord person(LocalDate birth, Map<String, String> ids) {
        return new PersonRecord(UUID.randomUUID().toString(), "ann", "smith", birth, Set.of(), Set.of(), null, null, null, null, ids);
    }
}
