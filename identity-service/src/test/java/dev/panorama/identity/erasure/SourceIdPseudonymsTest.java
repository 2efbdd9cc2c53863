package dev.panorama.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceIdPseudonymsTest {

    private final SourceIdPseudonyms pseudonyms = new SourceIdPseudonyms(RecordNormaliser.withDefaults("GB"));

    @Test
    void aChannelsIdThatIsTheSendersAddressIsPersonal() {
        assertThat(pseudonyms.isPersonal(record("jo.smith@example.com", List.of("Jo.Smith@Example.com"), List.of()))).isTrue();
        assertThat(pseudonyms.isPersonal(record("07700900123", List.of(), List.of("+44 7700 900123")))).isTrue();
    }

    @Test
    void aSystemsOwnKeyIsNot() {
        assertThat(pseudonyms.isPersonal(record("C-1001", List.of("jo@example.com"), List.of("07700900123")))).isFalse();
        assertThat(pseudonyms.isPersonal(record("C-1001", List.of(), List.of()))).isFalse();
    }

    private static SourceRecord record(String sourceId, List<String> emails, List<String> phones) {
        return new SourceRecord("channel-email", sourceId, Instant.EPOCH, null, null, emails, phones, List.of(), List.of());
    }
}
