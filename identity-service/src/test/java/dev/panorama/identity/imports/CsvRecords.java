package dev.panorama.identity.imports;

import dev.panorama.identity.imports.CsvLayout.Column;
import dev.panorama.identity.records.SourceRecordRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes source record requests as an import CSV, the way a back-office export would. */
final class CsvRecords {

    private CsvRecords() {
    }

    static String write(List<SourceRecordRequest> requests) {
        return write(Arrays.asList(Column.values()), requests);
    }

    static String write(List<Column> columns, List<SourceRecordRequest> requests) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns.stream().map(Column::header).toList());
            for (SourceRecordRequest request : requests) {
                printer.printRecord(columns.stream().map(column -> cell(column, request)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(Column column, SourceRecordRequest r) {
        SourceRecordRequest.Name name = r.name();
        SourceRecordRequest.Address address = r.addresses() == null ? null : r.addresses().getFirst();
        return switch (column) {
            case SOURCE_SYSTEM -> r.sourceSystem();
            case SOURCE_ID -> r.sourceId();
            case TITLE -> name == null ? null : name.title();
            case GIVEN -> name == null ? null : name.given();
            case MIDDLE -> name == null ? null : name.middle();
            case FAMILY -> name == null ? null : name.family();
            case FULL_NAME -> name == null ? null : name.full();
            case DATE_OF_BIRTH -> r.dateOfBirth();
            case EMAILS -> joined(r.emails(), Function.identity());
            case PHONES -> joined(r.phones(), Function.identity());
            case ADDRESS_LINES -> address == null ? null : joined(address.lines(), Function.identity());
            case LOCALITY -> address == null ? null : address.locality();
            case REGION -> address == null ? null : address.region();
            case POSTCODE -> address == null ? null : address.postcode();
            case COUNTRY -> address == null ? null : address.country();
            case IDENTIFIERS -> joined(r.identifiers(),
                    i -> i.type() + ":" + i.value() + (i.issuer() == null ? "" : "@" + i.issuer()));
        };
    }

    private static <T> String joined(List<T> items, Function<T, String> written) {
        if (items == null) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        items.forEach(item -> cells.add(written.apply(item)));
        return String.join(CsvLayout.LIST_SEPARATOR, cells);
    }
}
