package dev.panorama.identity.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.kit.problem.Problem.FieldError;
import dev.panorama.kit.problem.ProblemMappers;
import dev.panorama.kit.problem.StrictJson;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * NDJSON: one source record per line, in the shape {@code POST /api/v1/identity/records} takes. Blank
 * lines are skipped; a line that is not such an object (or has a field that shape lacks) becomes an unreadable
 * row naming the line, and the reason never quotes the line (it is personal data).
 */
public final class NdjsonRows implements RowSource {

    /** A record at its largest is far smaller; a longer line is not a record. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Reader source;
    private final BoundedLines lines;
    private final ObjectReader reader;
    private long lineNumber;

    public NdjsonRows(Reader source, ObjectMapper json) {
        this.source = source;
        this.lines = new BoundedLines(source, MAX_LINE_CHARS);
        this.reader = reader(json);
    }

    static ObjectReader reader(ObjectMapper json) {
        return StrictJson.reader(json, SourceRecordRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public List<ImportRow> next(int max) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        String line;
        while (rows.size() < max && (line = lines.next()) != null) {
            lineNumber++;
            if (line == BoundedLines.TOO_LONG) {
                rows.add(ImportRow.Unreadable.of(lineNumber, null, "line longer than " + MAX_LINE_CHARS + " characters"));
            } else if (!line.isBlank()) {
                rows.add(parse(reader, lineNumber, line));
            }
        }
        return rows;
    }

    /** One line as a record request, or why it is not one. */
    static ImportRow parse(ObjectReader reader, long number, String line) {
        try {
            SourceRecordRequest request = reader.readValue(line);
            return request == null ? ImportRow.Unreadable.of(number, null, "not a JSON object")
                    : new ImportRow.Readable(number, request);
        } catch (JacksonException e) {
            return unreadable(number, e);
        }
    }

    private static ImportRow unreadable(long number, JacksonException e) {
        if (isMalformed(e)) {
            return ImportRow.Unreadable.of(number, null, "not well-formed JSON");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            FieldError error = ProblemMappers.unknownFieldError(unknown);
            return ImportRow.Unreadable.of(number, error.field(), error.message());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = ProblemMappers.jsonPath(mismatch);
            return field.isEmpty() ? ImportRow.Unreadable.of(number, null, "not a JSON object of the source record's shape")
                    : ImportRow.Unreadable.of(number, field, "wrong JSON type");
        }
        return ImportRow.Unreadable.of(number, null, "cannot be read as a source record");
    }

    /** Databinding wraps the parser's complaint when it meets it inside a nested value. */
    private static boolean isMalformed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
