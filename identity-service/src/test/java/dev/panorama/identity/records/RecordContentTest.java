package dev.panorama.identity.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordContentTest {

    @Test
    void idsAloneATitleAloneOrAnAddressOfNoPlaceGiveNothingToMatchOn() {
        assertThat(RecordContent.nothingToMatchOn(record(null, null, List.of(), List.of(), List.of(), List.of()))).isTrue();
        assertThat(RecordContent.nothingToMatchOn(record(new PersonName("Dr", " ", null, "", null), null,
                List.of(), List.of(), List.of(new PostalAddress(List.of(" "), null, null, "", null, "home")), List.of()))).isTrue();
    }

    @Test
    void anyOneAttributeIsSomethingToMatchOn() {
        List<SourceRecord> eachWithOne = List.of(
                record(new PersonName(null, null, null, "Okafor", null), null, List.of(), List.of(), List.of(), List.of()),
                record(new PersonName(null, null, null, null, "Ada Okafor"), null, List.of(), List.of(), List.of(), List.of()),
                record(null, LocalDate.of(1970, 1, 2), List.of(), List.of(), List.of(), List.of()),
                record(null, null, List.of("ada@example.com"), List.of(), List.of(), List.of()),
                record(null, null, List.of(), List.of("+441632960001"), List.of(), List.of()),
                record(null, null, List.of(), List.of(), List.of(new PostalAddress(List.of(), null, null, "LS1 4AP", null, null)), List.of()),
                record(null, null, List.of(), List.of(), List.of(), List.of(new Identifier("national-id", "QQ123456C", null))));
        assertThat(eachWithOne).noneMatch(RecordContent::nothingToMatchOn);
    }

    private static SourceRecord record(PersonName name, LocalDate born, List<String> emails, List<String> phones,
            List<PostalAddress> addresses, List<Identifier> identifiers) {
        return new SourceRecord("crm", "C-1", Instant.EPOCH, name, born, emails, phones, addresses, identifiers);
    }
}
