package dev.panorama.identity.verification;

import dev.panorama.kit.problem.StrictJson;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A customer's verification factors, lock and audit trail. A merged customer's id answers for its survivor. */
@Path("/api/v1/identity/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller verification")
@CustomDeserialization(StrictJson.class)
public class CustomerVerificationResource {

    private final FactorService factors;
    private final VerificationService verification;
    private final AttemptLog attempts;
    private final Callers callers;

    public CustomerVerificationResource(FactorService factors, VerificationService verification, AttemptLog attempts,
            Callers callers) {
        this.factors = factors;
        this.verification = verification;
        this.attempts = attempts;
        this.callers = callers;
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @PUT
    @Path("/verification-factors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"backoffice-system", "data-steward", "admin"})
    @Operation(summary = "Set or replace a customer's verification factors",
            description = "Each factor given replaces the stored one; absent or null leaves it as it is. Answers are"
                    + " normalised and stored only as Argon2id hashes with a salt of their own.")
    @APIResponse(responseCode = "200", description = "Which factors are now set, and since when")
    @APIResponse(responseCode = "400", description = "A factor that cannot be one (problem details naming the field)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer has been erased")
    public Uni<FactorsView> setFactors(@PathParam("id") UUID id, @Valid @NotNull FactorAnswers request) {
        return factors.set(id, request.normalised(""));
    }

    @GET
    @Path("/verification-factors")
    @RolesAllowed({"agent", "supervisor", "data-steward", "admin"})
    @Operation(summary = "Which verification factors a customer has, and since when (never the hashes)")
    @APIResponse(responseCode = "200", description = "The factors set")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer has been erased")
    public Uni<FactorsView> factors(@PathParam("id") UUID id) {
        return factors.status(id);
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @DELETE
    @Path("/verification-lock")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Lift a verification lock and clear the count of failed attempts (audited as UNLOCKED)")
    @APIResponse(responseCode = "204", description = "Unlocked (also when it was not locked)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer has been erased")
    public Uni<Void> unlock(@PathParam("id") UUID id) {
        return verification.unlock(id, callers.current());
    }

    @GET
    @Path("/verifications")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "The customer's verification attempts and unlocks, newest first",
            description = "Who (token subject, username and client), on which channel, when, which factors were asked"
                    + " (by name only), and the outcome.")
    @APIResponse(responseCode = "200", description = "One page; nextCursor fetches the next")
    @APIResponse(responseCode = "400", description = "A limit below 1 or a cursor this list did not return")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<AttemptPage> attempts(@PathParam("id") UUID id,
            @QueryParam("limit") @Parameter(description = "Page size, default 20, at most 100") Integer limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return attempts.page(id, limit, cursor);
    }
}
