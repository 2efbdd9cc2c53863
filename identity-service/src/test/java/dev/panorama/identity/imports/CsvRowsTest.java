package dev.panorama.identity.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.identity.imports.CsvLayout.Column;
import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Property(tries = 300)
    void anyRecordWrittenAsCsvIsReadBackAsTheSameRequest(@ForAll("recordLists") List<SourceRecordRequest> records)
            throws IOException {
        assertThat(readAll(CsvRecords.write(records), false)).containsExactlyElementsOf(numbered(records));
    }

    @Property(tries = 100)
    void columnsMayComeInAnyOrder(@ForAll("records") SourceRecordRequest record) throws IOException {
        List<Column> reversed = new ArrayList<>(Arrays.asList(Column.values()));
        java.util.Collections.reverse(reversed);
        assertThat(readAll(CsvRecords.write(reversed, List.of(record)), false)).containsExactly(new ImportRow.Readable(2, record));
    }

    @Test
    void anUnknownColumnRefusesTheFileNamingTheColumn() {
        assertThatThrownBy(() -> readAll("sourceSystem,sourceId,shoeSize\ncrm,1,44\n", false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("'shoeSize'").contains("column 3")));
    }

    @Test
    void aHeaderNeedsASourceIdAndASourceSystemUnlessOneIsGiven() throws IOException {
        assertThatThrownBy(() -> readAll("sourceSystem,given\ncrm,Ann\n", false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(Problem.FieldError::message)
                        .containsExactly("column 'sourceId' is required"));
        assertThatThrownBy(() -> readAll("sourceId,given\n1,Ann\n", false))
                .isInstanceOf(InvalidInputException.class);
        assertThat(readAll("SOURCEID, Given \n1,Ann\n", true)).singleElement()
                .isEqualTo(new ImportRow.Readable(2, new SourceRecordRequest(null, "1",
                        new SourceRecordRequest.Name(null, "Ann", null, null, null), null, null, null, null, null)));
        assertThatThrownBy(() -> readAll("", true)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> readAll("sourceId,sourceId\n1,2\n", true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void identifiersListsAndEmptyCellsAreRead() throws IOException {
        String csv = "sourceSystem,sourceId,emails,addressLines,postcode,identifiers\n"
                + "crm,7, a@example.com ; ;b@example.com,\"1 High St;Flat 2\",,national-id:AB 12:3@gov;account-number:991\n";
        assertThat(readAll(csv, false)).singleElement().isEqualTo(new ImportRow.Readable(2, new SourceRecordRequest("crm", "7",
                null, null, List.of("a@example.com", "b@example.com"), null,
                List.of(new SourceRecordRequest.Address(List.of("1 High St", "Flat 2"), null, null, null, null, null)),
                List.of(new SourceRecordRequest.Identifier("national-id", "AB 12:3", "gov"),
                        new SourceRecordRequest.Identifier("account-number", "991", null)))));
    }

    @Test
    void badRowsAreUnreadableNamingTheRowAndFieldAndTheRestIsRead() throws IOException {
        String csv = "sourceSystem,sourceId,identifiers\n"
                + "crm,1,passport\n"
                + "crm,2\n"
                + "\n"
                + "crm,3,passport:P1\n";
        assertThat(readAll(csv, false)).containsExactly(
                ImportRow.Unreadable.of(2, "identifiers[0]", "write an identifier as type:value or type:value@issuer"),
                ImportRow.Unreadable.of(3, null, "has 2 cells where the header has 3"),
                new ImportRow.Readable(4, new SourceRecordRequest("crm", "3", null, null, null, null, null,
                        List.of(new SourceRecordRequest.Identifier("passport", "P1", null)))));
    }

    @Test
    void aQuoteNeverClosedStopsTheFileAfterTheLastGoodRow() throws IOException {
        try (CsvRows rows = new CsvRows(new StringReader("sourceSystem,sourceId\ncrm,1\ncrm,\"2\n"), false)) {
            assertThat(rows.next(10)).as("the good row, in the batch the malformed one ends").hasSize(1);
            assertThatThrownBy(() -> rows.next(10)).isInstanceOf(RowSource.UnreadableFile.class).hasMessageContaining("row 2");
        }
    }

    @Test
    void aQuoteNeverClosedReadsNoFurtherThanTheBoundOfARecord() throws IOException {
        int bound = 64 * 1024;
        java.io.Reader endless = new java.io.Reader() {
            private long served;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (served > 100L * bound) {
                    throw new AssertionError("read far past the bound: " + served + " characters");
                }
                String start = served == 0 ? "sourceSystem,sourceId\ncrm,1\ncrm,\"2" : "";
                int n = Math.min(length, 4096);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = i < start.length() ? start.charAt(i) : 'x';
                }
                served += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        try (CsvRows rows = new CsvRows(endless, false, bound)) {
            assertThat(rows.next(10)).as("the good row before the malformed one").hasSize(1);
            assertThatThrownBy(() -> rows.next(10)).isInstanceOf(RowSource.UnreadableFile.class)
                    .hasMessageContaining("row 2").hasMessageContaining("longer than " + bound);
        }
    }

    private static List<ImportRow> numbered(List<SourceRecordRequest> records) {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(new ImportRow.Readable(i + 2, records.get(i)));
        }
        return rows;
    }

    static List<ImportRow> readAll(String csv, boolean defaultSourceSystem) throws IOException {
        try (CsvRows rows = new CsvRows(new StringReader(csv), defaultSourceSystem)) {
            List<ImportRow> all = new ArrayList<>();
            List<ImportRow> batch;
            while (!(batch = rows.next(2)).isEmpty()) {
                all.addAll(batch);
            }
            return all;
        }
    }

    @Provide
    Arbitrary<List<SourceRecordRequest>> recordLists() {
        return records().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<SourceRecordRequest> records() {
        Arbitrary<String> text = cell("abcXYZ0189 ,\"'\n-./;é");
        Arbitrary<List<String>> items = cell("abcxyz019 @.+-'").list().ofMinSize(1).ofMaxSize(3).injectNull(0.3);
        Arbitrary<SourceRecordRequest.Name> name = Combinators.combine(text.injectNull(0.5), text.injectNull(0.3),
                text.injectNull(0.7), text.injectNull(0.3), text.injectNull(0.6))
                .as(SourceRecordRequest.Name::new)
                .filter(n -> !n.equals(new SourceRecordRequest.Name(null, null, null, null, null)))
                .injectNull(0.2);
        Arbitrary<List<SourceRecordRequest.Address>> address = Combinators.combine(items, text.injectNull(0.3),
                        text.injectNull(0.6), text.injectNull(0.3), text.injectNull(0.5))
                .as((lines, locality, region, postcode, country) -> new SourceRecordRequest.Address(lines, locality, region,
                        postcode, country, null))
                .filter(a -> !a.equals(new SourceRecordRequest.Address(null, null, null, null, null, null)))
                .map(List::of).injectNull(0.3);
        Arbitrary<SourceRecordRequest.Identifier> identifier = Combinators.combine(cell("abcdefghijklmnopqrstuvwxyz-"),
                cell("ABC0129 :-/"), cell("abc019 .-").injectNull(0.5)).as(SourceRecordRequest.Identifier::new);
        return Combinators.combine(text.injectNull(0.1), text, name, cell("0123456789-/.").injectNull(0.3), items, items,
                address, identifier.list().ofMinSize(1).ofMaxSize(3).injectNull(0.4))
                .as(SourceRecordRequest::new);
    }

    /** Non-blank text as a cell holds it: no surrounding spaces. */
    private static Arbitrary<String> cell(String chars) {
        return Arbitraries.strings().withChars(chars).ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank() && s.equals(s.strip()));
    }
}
