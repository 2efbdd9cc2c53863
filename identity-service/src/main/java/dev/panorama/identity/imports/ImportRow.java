package dev.panorama.identity.imports;

import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.kit.problem.Problem;
import java.util.List;

/** One row of an import file: a record request read from it, or the reasons it could not be read. */
public sealed interface ImportRow {

    /** Where the row is in the file: the line for NDJSON, the record for CSV (the header being row 1). */
    long number();

    record Readable(long number, SourceRecordRequest request) implements ImportRow {
    }

    record Unreadable(long number, List<Problem.FieldError> errors) implements ImportRow {

        public Unreadable {
            errors = List.copyOf(errors);
        }

        static Unreadable of(long number, String field, String message) {
            return new Unreadable(number, List.of(new Problem.FieldError(field, message)));
        }
    }
}
