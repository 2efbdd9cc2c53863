package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void aCompactDateIsWhatTheBasicIsoFormatterWrites() {
        for (LocalDate day = LocalDate.of(1850, 1, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            assertThat(Similarity.compact(day)).as("%s", day).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
    }

    @Test
    void yearsOfOtherWidthsAreLeftToTheFormatter() {
        for (LocalDate day : new LocalDate[] {LocalDate.of(999, 12, 31), LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(1, 2, 3)}) {
            assertThat(Similarity.compact(day)).as("%s", day).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
    }
}
