package dev.panorama.identity.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.kit.problem.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachLineIsARecordInTheRestShapeAndBlankLinesAreSkipped() throws IOException {
        String file = "{\"sourceSystem\":\"crm\",\"sourceId\":\"1\",\"name\":{\"given\":\"Ann\"},\"emails\":[\"ann@example.com\"]}\r\n"
                + "\n"
                + "   \n"
                + "{\"sourceSystem\":\"crm\",\"sourceId\":\"2\"}";
        assertThat(readAll(file)).containsExactly(
                new ImportRow.Readable(1, new SourceRecordRequest("crm", "1", new SourceRecordRequest.Name(null, "Ann", null, null, null),
                        null, List.of("ann@example.com"), null, null, null)),
                new ImportRow.Readable(4, new SourceRecordRequest("crm", "2", null, null, null, null, null, null)));
    }

    @Test
    void aLineThatIsNotARecordSaysWhyWithoutQuotingIt() throws IOException {
        List<ImportRow> rows = readAll("{\"sourceSystem\":\"crm\",\"sourceId\":\"1\",\"name\":{\"given\":\"Zebedee\"\n"
                + "{\"sourceSystem\":\"crm\",\"sourceId\":\"2\",\"emails\":\"zebedee@example.com\"}\n"
                + "[\"Zebedee\"]\n"
                + "null\n"
                + "{\"sourceId\":\"3\"} {\"sourceId\":\"4\"}\n"
                + "{\"sourceSystem\":\"crm\",\"sourceId\":\"5\",\"name\":{\"given\":\"Ok\"}}\n");
        assertThat(rows).hasSize(6);
        assertThat(rows.subList(0, 5)).allSatisfy(row -> {
            assertThat(row).isInstanceOf(ImportRow.Unreadable.class);
            assertThat(((ImportRow.Unreadable) row).errors()).extracting(Problem.FieldError::message)
                    .noneMatch(message -> message.toLowerCase().contains("zebedee"));
        });
        assertThat(rows.get(0)).isEqualTo(ImportRow.Unreadable.of(1, null, "not well-formed JSON"));
        assertThat(rows.get(1)).isEqualTo(ImportRow.Unreadable.of(2, "emails", "wrong JSON type"));
        assertThat(rows.get(3)).isEqualTo(ImportRow.Unreadable.of(4, null, "not a JSON object"));
        assertThat(rows.get(5)).isInstanceOf(ImportRow.Readable.class).extracting(ImportRow::number).isEqualTo(6L);
    }

    @Test
    void aLineWithAFieldTheRecordLacksIsRefusedNamingItAndTheNextOneRead() throws IOException {
        List<ImportRow> rows = readAll("{\"sourceSystem\":\"crm\",\"sourceId\":\"1\",\"givenName\":\"Zebedee\"}\n"
                + "{\"sourceSystem\":\"crm\",\"sourceId\":\"2\",\"addresses\":[{\"lines\":[\"1 Elm St\"]},{\"town\":\"Zebedee\"}]}\n"
                + "{\"sourceSystem\":\"crm\",\"sourceId\":\"3\"}\n");
        assertThat(rows).extracting(ImportRow::number).containsExactly(1L, 2L, 3L);
        assertThat(((ImportRow.Unreadable) rows.get(0)).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("givenName");
            assertThat(error.message()).startsWith("unknown field; known fields: addresses, dateOfBirth, emails");
        });
        assertThat(((ImportRow.Unreadable) rows.get(1)).errors()).extracting(Problem.FieldError::field)
                .containsExactly("addresses[1].town");
        assertThat(rows.get(2)).isInstanceOf(ImportRow.Readable.class);
    }

    @Test
    void aLineTooLongToBeARecordIsRefusedAndTheNextOneRead() throws IOException {
        String huge = "{\"sourceId\":\"" + "x".repeat(NdjsonRows.MAX_LINE_CHARS) + "\"}";
        assertThat(readAll(huge + "\n{\"sourceSystem\":\"crm\",\"sourceId\":\"2\"}\n")).containsExactly(
                ImportRow.Unreadable.of(1, null, "line longer than " + NdjsonRows.MAX_LINE_CHARS + " characters"),
                new ImportRow.Readable(2, new SourceRecordRequest("crm", "2", null, null, null, null, null, null)));
    }

    @Test
    void aRowWithoutASourceSystemTakesTheUploadsOne() {
        SourceRecordRequest bare = new SourceRecordRequest(null, "9", null, null, null, null, null, null);
        assertThat(ImportRunner.withSourceSystem(bare, "billing").sourceSystem()).isEqualTo("billing");
        assertThat(ImportRunner.withSourceSystem(bare, null)).isSameAs(bare);
        SourceRecordRequest own = new SourceRecordRequest("crm", "9", null, null, null, null, null, null);
        assertThat(ImportRunner.withSourceSystem(own, "billing")).isSameAs(own);
    }

    @Test
    void uploadIdsSortByCreationTime() {
        assertThat(TimeOrderedIds.next(1_000).compareTo(TimeOrderedIds.next(1_001))).isNegative();
        assertThat(TimeOrderedIds.next(1_700_000_000_000L).version()).isEqualTo(7);
    }

    private static List<ImportRow> readAll(String text) throws IOException {
        try (NdjsonRows rows = new NdjsonRows(new StringReader(text), JSON)) {
            List<ImportRow> all = new ArrayList<>();
            List<ImportRow> batch;
            while (!(batch = rows.next(3)).isEmpty()) {
                all.addAll(batch);
            }
            return all;
        }
    }
}
