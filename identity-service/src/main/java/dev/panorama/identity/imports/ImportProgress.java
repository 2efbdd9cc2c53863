package dev.panorama.identity.imports;

import dev.panorama.kit.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running import has done so far, kept in memory between progress saves, and the errors
 * found since the last save. Only the first {@code maxErrors} errors are reported; every rejected
 * row is counted.
 */
final class ImportProgress {

    /** One entry of the error report. */
    record RowError(int seq, long row, String field, String message) {
    }

    private final int maxErrors;
    private final List<RowError> unsaved = new ArrayList<>();
    long rowsRead;
    long rowsStored;
    long rowsUnchanged;
    long rowsRejected;
    long decidedNew;
    long decidedMatched;
    long decidedPossible;
    int errorsReported;

    ImportProgress(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void stored(String decision) {
        rowsRead++;
        rowsStored++;
        switch (decision) {
            case "NEW" -> decidedNew++;
            case "MATCHED" -> decidedMatched++;
            case "POSSIBLE" -> decidedPossible++;
            default -> {
                // a decision this version does not know is still a stored row
            }
        }
    }

    void unchanged() {
        rowsRead++;
        rowsUnchanged++;
    }

    void rejected(long row, List<Problem.FieldError> errors) {
        rowsRead++;
        rowsRejected++;
        for (Problem.FieldError error : errors) {
            if (errorsReported < maxErrors) {
                unsaved.add(new RowError(++errorsReported, row, error.field(), error.message()));
            }
        }
    }

    /** The errors found since the last call, to save with the counters. */
    List<RowError> takeUnsavedErrors() {
        List<RowError> taken = List.copyOf(unsaved);
        unsaved.clear();
        return taken;
    }

    boolean anyRejected() {
        return rowsRejected > 0;
    }
}
