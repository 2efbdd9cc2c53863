package dev.panorama.identity.imports;

import dev.panorama.identity.imports.persistence.ImportErrorEntity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an import's error report: where, which field, why; never the row's content. */
@Schema(name = "ImportError")
public record ImportErrorView(
        @Schema(description = "The line of an NDJSON file; the record of a CSV file, its header being row 1") long row,
        @Schema(description = "The field refused, as in the record's JSON shape (emails[1], name.family); absent when the"
                + " row as a whole cannot be read") String field,
        String message) {

    static ImportErrorView of(ImportErrorEntity error) {
        return new ImportErrorView(error.rowNumber, error.field, error.message);
    }
}
