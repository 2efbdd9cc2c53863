package dev.panorama.identity.imports;

import dev.panorama.identity.records.SourceRecordRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path(UploadLimits.IMPORTS_PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private static final String CSV_DOC = "A header row, then one record per row (RFC 4180: comma separated, double quotes"
            + " around cells holding commas, quotes or line breaks; UTF-8). Columns, in any order and letter case, all optional"
            + " but sourceId (and sourceSystem unless ?sourceSystem= is given): sourceSystem, sourceId, title, given, middle,"
            + " family, fullName, dateOfBirth (as in the JSON shape), emails and phones (several separated by ';'),"
            + " addressLines (one address; its lines separated by ';'), locality, region, postcode, country, and identifiers"
            + " (type:value or type:value@issuer, the issuer after the last '@', several separated by ';', e.g."
            + " 'national-id:AB123456C;account-number:991@core-banking'). An empty cell is an absent value. A column not"
            + " in this list refuses the whole file (400) before any row is read.";

    private final ImportService imports;
    private final ImportQueries queries;

    public ImportsResource(ImportService imports, ImportQueries queries) {
        this.imports = imports;
        this.queries = queries;
    }

    @POST
    @Consumes({NDJSON, CSV})
    @RolesAllowed({"backoffice-system", "channel-adapter", "admin"})
    @Operation(summary = "Import a file of source records",
            description = "The file is streamed to the service and imported in the background, row by row in file order, each"
                    + " row exactly as POST /api/v1/identity/records would store and resolve it, in its own transaction: a"
                    + " refused row (unreadable, invalid, an impossible date) goes to the job's error report and never undoes"
                    + " another. Follow the job at the Location answered. Posting the same file again is safe, also after an"
                    + " INTERRUPTED or FAILED job: storing is idempotent on sourceSystem + sourceId, so rows already stored"
                    + " count as rowsUnchanged.")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(implementation = SourceRecordRequest.class,
                    description = "One source record per line, in the JSON shape of POST /api/v1/identity/records; blank lines"
                            + " are skipped")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DOC)) })
    @APIResponse(responseCode = "202", description = "The file was received and its import has started",
            headers = @Header(name = "Location", description = "/api/v1/identity/imports/{id}: the job"),
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "A CSV header with an unknown or repeated column, or without sourceId (or"
            + " sourceSystem when ?sourceSystem= is absent); nothing was imported")
    @APIResponse(responseCode = "413", description = "The file is larger than the service accepts")
    @APIResponse(responseCode = "415", description = "Neither application/x-ndjson nor text/csv")
    public Uni<Response> submit(@Context HttpServerRequest upload, @Context SecurityContext caller,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("sourceSystem") @Size(max = 100)
            @Parameter(description = "The source system of rows that do not name one") String sourceSystem) {
        ImportFormat format = ImportFormat.of(contentType);
        if (format == null) {
            throw new NotSupportedException();
        }
        String fallback = sourceSystem == null || sourceSystem.isBlank() ? null : sourceSystem.strip();
        return imports.submit(format, fallback, caller.getUserPrincipal().getName(), upload)
                .map(job -> Response.accepted(job).location(URI.create(UploadLimits.IMPORTS_PATH + "/" + job.id())).build());
    }

    @GET
    @RolesAllowed({"backoffice-system", "channel-adapter", "admin", "data-steward", "supervisor"})
    @Operation(summary = "Import jobs, newest first")
    @APIResponse(responseCode = "200", description = "One page of jobs")
    public Uni<Page<ImportJobView>> jobs(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Parameter(description = "At most 500") int limit,
            @QueryParam("cursor") @Size(max = 100) @Parameter(description = "nextCursor of the previous page") String cursor) {
        return queries.jobs(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"backoffice-system", "channel-adapter", "admin", "data-steward", "supervisor"})
    @Operation(summary = "An import job and its progress", description = "Progress is saved every few hundred rows.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<ImportJobView> job(@PathParam("id") UUID id) {
        return queries.job(id);
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({"backoffice-system", "channel-adapter", "admin", "data-steward", "supervisor"})
    @Operation(summary = "The error report of an import: each refused field of each refused row, in row order",
            description = "Names the row, the field and the reason, never the row's content.")
    @APIResponse(responseCode = "200", description = "One page of the report")
    @APIResponse(responseCode = "404", description = "No such job")
    public Uni<Page<ImportErrorView>> errors(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Parameter(description = "At most 500") int limit,
            @QueryParam("cursor") @Size(max = 100) @Parameter(description = "nextCursor of the previous page") String cursor) {
        return queries.errors(id, limit, cursor);
    }
}
