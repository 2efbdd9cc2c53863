package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    @Test
    void aFullRecordHasEveryKindOfKeyInOrder() {
        PersonRecord record = new PersonRecord("crm:1", "katherine", "o'brien", LocalDate.of(1956, 4, 9),
                Set.of("kate.obrien@example.org"), Set.of("+441632960001"), "12 mill lane", "leeds", "ls1 4ap", "west yorkshire",
                Map.of("national-id", "QQ123456C"));

        assertThat(BlockingKeys.of(record)).containsExactly(
                "id:national-id:QQ123456C",
                "em:kate.obrien@example.org",
                "el:kate.obrien",
                "ph:+441632960001",
                "dob:19560409",
                "fg:APRN:k",
                "fg:K0RN:o",
                "fy:APRN:1956",
                "gy:K0RN:1956",
                "pf:ls1 4ap:o",
                "pg:ls1 4ap:k",
                "lf:leeds:APRN",
                "lg:leeds:K0RN",
                "st:12 mill lane:ls1 4ap");
    }

    @Test
    void aRecordWithoutNamesHasNoNameKeys() {
        PersonRecord record = new PersonRecord("crm:2", null, null, LocalDate.of(2001, 12, 30), Set.of(), Set.of(), null,
                "york", null, null, Map.of());

        assertThat(BlockingKeys.of(record)).containsExactly("dob:20011230");
    }

    @Test
    void aGivenNameAloneKeysWithItsBirthYearAndLocality() {
        PersonRecord record = new PersonRecord("crm:3", "jon", null, LocalDate.of(1980, 1, 2), Set.of(), Set.of(), null,
                "york", null, null, Map.of());

        assertThat(BlockingKeys.of(record)).containsExactly("dob:19800102", "gy:JN:1980", "lg:york:JN");
    }
}
