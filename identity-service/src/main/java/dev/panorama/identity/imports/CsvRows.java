package dev.panorama.identity.imports;

import dev.panorama.kit.problem.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180, comma separated, double quotes) with a header row: the header is checked when the
 * file is opened, so an unknown column refuses the file before any row is read. Empty lines are skipped.
 */
public final class CsvRows implements RowSource {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** A record (a row, with any line breaks quoted in its cells) holds at most this much, as an NDJSON line does. */
    static final int MAX_RECORD_CHARS = NdjsonRows.MAX_LINE_CHARS;

    private final BoundedRecords text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvLayout layout;
    private long rowNumber = 1;
    private UnreadableFile malformed;

    /** Reads and checks the header row; {@link InvalidInputException} when it does not describe source records. */
    public CsvRows(Reader source, boolean defaultSourceSystem) throws IOException {
        this(source, defaultSourceSystem, MAX_RECORD_CHARS);
    }

    CsvRows(Reader source, boolean defaultSourceSystem, int maxRecordChars) throws IOException {
        this.text = new BoundedRecords(source, maxRecordChars);
        this.parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        this.records = parser.iterator();
        List<String> header = nextRecord().map(CsvRows::cells).orElse(null);
        if (header == null) {
            parser.close();
            throw InvalidInputException.field("header", "the file is empty: a CSV import starts with a header row");
        }
        try {
            this.layout = CsvLayout.of(header, defaultSourceSystem);
        } catch (InvalidInputException e) {
            parser.close();
            throw e;
        }
    }

    /** The next rows; the good rows before a malformed record come first, and the call after them fails. */
    @Override
    public List<ImportRow> next(int max) throws IOException {
        if (malformed != null) {
            throw malformed;
        }
        List<ImportRow> rows = new ArrayList<>();
        while (rows.size() < max) {
            Optional<CSVRecord> record;
            try {
                record = nextRecord();
            } catch (UnreadableFile e) {
                if (rows.isEmpty()) {
                    throw e;
                }
                malformed = e;
                break;
            }
            if (record.isEmpty()) {
                break;
            }
            rowNumber++;
            rows.add(layout.read(rowNumber, cells(record.get())));
        }
        return rows;
    }

    private Optional<CSVRecord> nextRecord() throws UnreadableFile {
        try {
            Optional<CSVRecord> record = records.hasNext() ? Optional.of(records.next()) : Optional.empty();
            text.recordEnded();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            // the parser cannot resynchronise after a malformed record (a quote never closed swallows the rest)
            throw new UnreadableFile("the CSV is malformed after row " + rowNumber + " (" + why(e) + ")");
        }
    }

    private static String why(Throwable malformed) {
        for (Throwable cause = malformed; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedRecords.RecordTooLong tooLong) {
                return tooLong.getMessage();
            }
        }
        return "a quote not closed?";
    }

    private static List<String> cells(CSVRecord record) {
        return record.toList();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
