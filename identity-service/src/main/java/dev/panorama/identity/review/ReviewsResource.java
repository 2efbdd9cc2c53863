package dev.panorama.identity.review;

import dev.panorama.identity.merge.StewardIdentity;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"data-steward", "admin"})
@CustomDeserialization(StrictJson.class)
public class ReviewsResource {

    static final int MAX_LIMIT = 200;

    private final ReviewService reviews;
    private final OutboxRelay relay;
    private final SecurityIdentity identity;

    public ReviewsResource(ReviewService reviews, OutboxRelay relay, SecurityIdentity identity) {
        this.reviews = reviews;
        this.relay = relay;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The review queue: possible matches, oldest first")
    @APIResponse(responseCode = "200", description = "A page of review items; pass nextCursor back as cursor for the next")
    @APIResponse(responseCode = "400", description = "Unknown status, limit below 1, or a cursor not from this list")
    public Uni<ReviewPage> list(
            @Parameter(description = "OPEN, ACCEPTED or REJECTED") @QueryParam("status") @DefaultValue("OPEN") String status,
            @Parameter(description = "Items per page, at most " + MAX_LIMIT) @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("cursor") String cursor) {
        if (limit < 1) {
            throw InvalidInputException.field("limit", "must be at least 1");
        }
        return reviews.page(status(status), cursor == null || cursor.isBlank() ? null : ReviewCursor.decode(cursor),
                Math.min(limit, MAX_LIMIT));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A review item: both customers, the record, the score and each field's part in it")
    @APIResponse(responseCode = "200", description = "The review item")
    @APIResponse(responseCode = "404", description = "No such review (review-not-found)")
    public Uni<ReviewView> review(@PathParam("id") UUID id) {
        return reviews.review(id);
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a review item",
            description = "ACCEPT merges the record's customer into the candidate customer (each followed to the customer it"
                    + " was merged into, if any) as a steward merge with the review's score; REJECT keeps them apart and the"
                    + " pair is not raised again.")
    @APIResponse(responseCode = "200", description = "Decided: the review item with its decision")
    @APIResponse(responseCode = "400", description = "Invalid decision (problem details naming the fields)")
    @APIResponse(responseCode = "404", description = "No such review (review-not-found)")
    @APIResponse(responseCode = "409", description = "Already decided (review-already-decided), or a customer was erased (customer-erased)"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    @APIResponse(responseCode = "422", description = "Merge protection keeps the customers apart (merge-protected)")
    public Uni<ReviewView> decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return reviews.decide(id, request, StewardIdentity.of(identity)).invoke(relay::nudge);
    }

    private static ReviewItemEntity.Status status(String status) {
        try {
            return ReviewItemEntity.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "one of OPEN, ACCEPTED, REJECTED");
        }
    }
}
