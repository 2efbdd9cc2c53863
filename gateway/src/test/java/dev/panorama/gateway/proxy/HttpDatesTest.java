package dev.panorama.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    @Test
    void formatsImfFixdateWithTwoDigitDays() {
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.format(1_796_428_799)).isEqualTo("Fri, 04 Dec 2026 23:59:59 GMT");
    }

    @Test
    void theCurrentValueIsTheCurrentSecond() {
        long before = Instant.now().getEpochSecond();
        Instant now = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(HttpDates.now()));
        long after = Instant.now().getEpochSecond();
        assertThat(now.getEpochSecond()).isBetween(before, after);
    }
}
