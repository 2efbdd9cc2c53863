package dev.panorama.interaction.ingest.rest;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.ingest.Contact;
import dev.panorama.interaction.ingest.ContactRules;
import dev.panorama.interaction.ingest.IngestOutcome;
import dev.panorama.interaction.ingest.IngestService;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem.FieldError;
import dev.panorama.kit.problem.StrictJson;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Channel adapters push contacts here (or to Kafka topic panorama.channel.inbound; both store the same way). */
@Path("/api/v1/interactions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@CustomDeserialization(StrictJson.class)
public class InteractionIngestResource {

    private final IngestService ingest;
    private final ContactRules rules;
    private final int maxBatch;

    public InteractionIngestResource(IngestService ingest, InteractionConfig config) {
        this.ingest = ingest;
        this.rules = new ContactRules(config.ingest().maxTextLength());
        this.maxBatch = config.ingest().maxBatchSize();
    }

    @POST
    @RolesAllowed("channel-adapter")
    @Operation(summary = "Store one contact of any channel",
            description = "Idempotent on sourceSystem + sourceMessageId, or on the Idempotency-Key header where the contact has no"
                    + " source message id: a retry answers 200 with the contact stored first. The sender is resolved through"
                    + " identity-service; when it is unavailable the contact is stored unresolved and resolved later."
                    + " InteractionLogged is published on panorama.interactions.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the interaction")
    @APIResponse(responseCode = "200", description = "Stored before (a retry): nothing changed")
    @APIResponse(responseCode = "400", description = "Invalid contact: problem details name each field")
    @APIResponse(responseCode = "409", description = "The key was used before for a different contact")
    public Uni<Response> ingestOne(ChannelMessage contact,
            @Parameter(description = "Stands in for a missing sourceMessageId") @HeaderParam("Idempotency-Key") String idempotencyKey) {
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        if (keyed && idempotencyKey.length() > 200) {
            throw InvalidInputException.field("Idempotency-Key", "at most 200 characters");
        }
        reject(rules.violations(contact, keyed, ""));
        return ingest.ingest(List.of(new Contact(contact, keyed ? idempotencyKey : null)))
                .map(outcomes -> respond(outcomes.getFirst()));
    }

    @POST
    @Path("/batch")
    @RolesAllowed("channel-adapter")
    @Operation(summary = "Store several contacts at once",
            description = "Each contact needs its own sourceMessageId; each is idempotent as in the single call. Nothing is stored"
                    + " when any contact is invalid.")
    @APIResponse(responseCode = "200", description = "One receipt per contact, in the order sent")
    @APIResponse(responseCode = "400", description = "Invalid contacts: problem details name each field as items[i].field")
    public Uni<BatchReceipt> ingestBatch(ContactBatch batch) {
        if (batch == null || batch.items() == null || batch.items().isEmpty()) {
            throw InvalidInputException.field("items", "must not be empty");
        }
        if (batch.items().size() > maxBatch) {
            throw InvalidInputException.field("items", "at most " + maxBatch + " contacts");
        }
        List<FieldError> errors = new ArrayList<>();
        IntStream.range(0, batch.items().size()).forEach(i -> errors.addAll(rules.violations(batch.items().get(i), false, "items[" + i + "].")));
        reject(errors);
        return ingest.ingest(batch.items().stream().map(contact -> new Contact(contact, null)).toList())
                .map(outcomes -> new BatchReceipt((int) outcomes.stream().filter(IngestOutcome::created).count(),
                        (int) outcomes.stream().filter(outcome -> !outcome.created()).count(),
                        outcomes.stream().map(IngestReceipt::of).toList()));
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Response respond(IngestOutcome outcome) {
        if (outcome.conflicting()) {
            throw new IdempotencyKeyReused(outcome.interactionId());
        }
        IngestReceipt receipt = IngestReceipt.of(outcome);
        return outcome.created()
                ? Response.created(URI.create("/api/v1/interactions/" + outcome.interactionId())).entity(receipt).build()
                : Response.ok(receipt).build();
    }
}
