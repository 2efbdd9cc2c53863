package dev.panorama.identity.records;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer record as a back-office system or channel sends it. */
@Schema(name = "SourceRecord", description = "A customer record from one source system; idempotent on sourceSystem + sourceId")
public record SourceRecordRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "crm") String sourceSystem,
        @NotBlank @Size(max = 200) @Schema(examples = "C-1001") String sourceId,
        @Valid Name name,
        @Size(max = 40) @Schema(description = "1956-04-09, 19560409, 09/04/1956 or 9.4.1956", examples = "1956-04-09") String dateOfBirth,
        @Size(max = 20) List<@NotBlank @Size(max = 320) String> emails,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> phones,
        @Size(max = 10) List<@NotNull @Valid Address> addresses,
        @Size(max = 50) List<@NotNull @Valid Identifier> identifiers) {

    public record Name(@Size(max = 50) String title, @Size(max = 100) String given, @Size(max = 100) String middle,
            @Size(max = 100) String family, @Size(max = 300) String full) {
    }

    public record Address(@Size(max = 5) List<@NotNull @Size(max = 200) String> lines, @Size(max = 100) String locality,
            @Size(max = 100) String region, @Size(max = 20) String postcode, @Size(max = 60) String country,
            @Size(max = 30) String kind) {
    }

    /** A typed identifier: national-id, account-number, customer-number, passport, social, device... */
    public record Identifier(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 100) String value,
            @Size(max = 100) String issuer) {
    }
}
