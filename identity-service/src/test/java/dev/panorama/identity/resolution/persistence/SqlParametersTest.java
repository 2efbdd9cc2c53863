package dev.panorama.identity.resolution.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlParametersTest {

    @Test
    void eachValueIsBoundAsTextAtTheNextPositionAndCastToItsTypeInTheStatement() {
        SqlParameters parameters = new SqlParameters();
        UUID id = UUID.fromString("6f1c2a9e-3b1d-4c55-9a0e-0d9f3b2a7c11");

        assertThat(parameters.uuid(id)).isEqualTo("cast(cast($1 as text) as uuid)");
        assertThat(parameters.text("em:ada@example.com")).isEqualTo("cast($2 as text)");
        assertThat(parameters.integer(3)).isEqualTo("cast(cast($3 as text) as integer)");
        assertThat(parameters.number(0.25)).isEqualTo("cast(cast($4 as text) as double precision)");
        assertThat(parameters.json("{\"a\":1}")).isEqualTo("cast(cast($5 as text) as jsonb)");
        assertThat(parameters.values()).containsExactly(id.toString(), "em:ada@example.com", "3", "0.25", "{\"a\":1}");
    }

    @Test
    void aMissingValueIsWrittenAsNullAndTakesNoPosition() {
        SqlParameters parameters = new SqlParameters();

        assertThat(parameters.number(null)).isEqualTo("null");
        assertThat(parameters.json(null)).isEqualTo("null");
        assertThat(parameters.text("x")).isEqualTo("cast($1 as text)");
        assertThat(parameters.values()).containsExactly("x");
    }

    @Test
    void manyValuesAreOneArrayWhoseElementsKeepTheirCommasQuotesAndSpaces() {
        SqlParameters parameters = new SqlParameters();
        UUID id = UUID.fromString("6f1c2a9e-3b1d-4c55-9a0e-0d9f3b2a7c11");

        assertThat(parameters.textArray(List.of("st:12 high street:1234", "a,b", "say \"hi\"", "back\\slash")))
                .isEqualTo("cast(cast($1 as text) as text[])");
        assertThat(parameters.uuidArray(List.of(id))).isEqualTo("cast(cast($2 as text) as uuid[])");
        assertThat(parameters.values()).containsExactly(
                "{\"st:12 high street:1234\",\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}", "{" + id + "}");
    }

    @Test
    void aTimeIsWrittenToTheMicrosecondPostgresqlKeeps() {
        SqlParameters parameters = new SqlParameters();

        parameters.time(Instant.parse("2026-12-03T10:15:30.123456789Z"));

        assertThat(parameters.values()).containsExactly("2026-12-03T10:15:30.123456Z");
    }
}
