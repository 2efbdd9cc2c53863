package dev.panorama.identity.imports;

import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CSV columns of an import and how a row of cells becomes a source record request. The header
 * names the columns (any order, any letter case); lists are separated by {@code ;} in one cell; an
 * identifier is written {@code type:value} or {@code type:value@issuer}; an empty cell is absent.
 */
public final class CsvLayout {

    public static final String LIST_SEPARATOR = ";";

    /** Every column an import understands, in the order an export writes them. */
    public enum Column {
        SOURCE_SYSTEM("sourceSystem"), SOURCE_ID("sourceId"), TITLE("title"), GIVEN("given"), MIDDLE("middle"),
        FAMILY("family"), FULL_NAME("fullName"), DATE_OF_BIRTH("dateOfBirth"), EMAILS("emails"), PHONES("phones"),
        ADDRESS_LINES("addressLines"), LOCALITY("locality"), REGION("region"), POSTCODE("postcode"), COUNTRY("country"),
        IDENTIFIERS("identifiers");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private static final Map<String, Column> BY_HEADER = Arrays.stream(Column.values())
            .collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), Function.identity()));

    private final Map<Column, Integer> positions;
    private final int width;

    private CsvLayout(Map<Column, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /**
     * The layout a header row declares; refused (naming each problem) when a column is unknown or
     * repeated, or when rows could never carry a source id, or a source system that no default supplies.
     */
    public static CsvLayout of(List<String> header, boolean defaultSourceSystem) {
        Map<Column, Integer> positions = new HashMap<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            Column column = BY_HEADER.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                problems.add(new Problem.FieldError("header", "unknown column '" + shortened(name) + "' (column " + (i + 1)
                        + "); known columns: " + Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(", "))));
            } else if (positions.putIfAbsent(column, i) != null) {
                problems.add(new Problem.FieldError("header", "column '" + column.header + "' appears twice"));
            }
        }
        if (!positions.containsKey(Column.SOURCE_ID)) {
            problems.add(new Problem.FieldError("header", "column 'sourceId' is required"));
        }
        if (!positions.containsKey(Column.SOURCE_SYSTEM) && !defaultSourceSystem) {
            problems.add(new Problem.FieldError("header", "column 'sourceSystem' is required unless ?sourceSystem= is given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CsvLayout(Map.copyOf(positions), header.size());
    }

    /** One data row as a record request, or why it cannot be one. */
    public ImportRow read(long number, List<String> cells) {
        if (cells.size() != width) {
            return ImportRow.Unreadable.of(number, null, "has " + cells.size() + " cells where the header has " + width);
        }
        Function<Column, String> cell = column -> {
            Integer position = positions.get(column);
            return position == null ? null : blankToNull(cells.get(position));
        };
        List<Problem.FieldError> problems = new ArrayList<>();
        List<SourceRecordRequest.Identifier> identifiers = identifiers(cell.apply(Column.IDENTIFIERS), problems);
        if (!problems.isEmpty()) {
            return new ImportRow.Unreadable(number, problems);
        }
        return new ImportRow.Readable(number, new SourceRecordRequest(cell.apply(Column.SOURCE_SYSTEM), cell.apply(Column.SOURCE_ID),
                name(cell), cell.apply(Column.DATE_OF_BIRTH), list(cell.apply(Column.EMAILS)), list(cell.apply(Column.PHONES)),
                address(cell), identifiers));
    }

    private static SourceRecordRequest.Name name(Function<Column, String> cell) {
        SourceRecordRequest.Name name = new SourceRecordRequest.Name(cell.apply(Column.TITLE), cell.apply(Column.GIVEN),
                cell.apply(Column.MIDDLE), cell.apply(Column.FAMILY), cell.apply(Column.FULL_NAME));
        return name.equals(new SourceRecordRequest.Name(null, null, null, null, null)) ? null : name;
    }

    private static List<SourceRecordRequest.Address> address(Function<Column, String> cell) {
        SourceRecordRequest.Address address = new SourceRecordRequest.Address(list(cell.apply(Column.ADDRESS_LINES)),
                cell.apply(Column.LOCALITY), cell.apply(Column.REGION), cell.apply(Column.POSTCODE), cell.apply(Column.COUNTRY), null);
        return address.equals(new SourceRecordRequest.Address(null, null, null, null, null, null)) ? null : List.of(address);
    }

    private static List<SourceRecordRequest.Identifier> identifiers(String text, List<Problem.FieldError> problems) {
        List<String> written = list(text);
        if (written == null) {
            return null;
        }
        List<SourceRecordRequest.Identifier> identifiers = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String one = written.get(i);
            int colon = one.indexOf(':');
            int at = one.lastIndexOf('@');
            String value = at > colon ? one.substring(colon + 1, at) : one.substring(colon + 1);
            if (colon <= 0 || value.isBlank()) {
                problems.add(new Problem.FieldError("identifiers[" + i + "]", "write an identifier as type:value or type:value@issuer"));
                continue;
            }
            identifiers.add(new SourceRecordRequest.Identifier(one.substring(0, colon).strip(), value.strip(),
                    at > colon ? blankToNull(one.substring(at + 1)) : null));
        }
        return identifiers;
    }

    private static List<String> list(String text) {
        if (text == null) {
            return null;
        }
        List<String> items = Arrays.stream(text.split(LIST_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return items.isEmpty() ? null : items;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
