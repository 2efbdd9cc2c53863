package dev.panorama.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.kit.problem.InvalidInputException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        ReviewCursor cursor = new ReviewCursor(Instant.parse("2026-03-04T05:06:07.123456Z"), UUID.randomUUID());

        assertThat(ReviewCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorNotFromTheListIsABadRequestNamingTheParameter() {
        assertThatThrownBy(() -> ReviewCursor.decode("not-a-cursor")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(f -> f.field()).containsExactly("cursor"));
        assertThatThrownBy(() -> ReviewCursor.decode("%%%")).isInstanceOf(InvalidInputException.class);
    }
}
