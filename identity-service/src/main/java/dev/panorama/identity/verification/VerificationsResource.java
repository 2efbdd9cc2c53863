package dev.panorama.identity.verification;

import dev.panorama.kit.problem.StrictJson;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/verifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller verification")
@CustomDeserialization(StrictJson.class)
// a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
@Cancellable(false)
public class VerificationsResource {

    private final VerificationService verification;
    private final Callers callers;

    public VerificationsResource(VerificationService verification, Callers callers) {
        this.verification = verification;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({"agent", "supervisor", "channel-adapter"})
    @Operation(summary = "Check a caller's answers and say how sure we are that they are the customer",
            description = """
                    Assurance levels: HIGH when two or more factors are right, at least one strong (memorableDate, \
                    passphrase), and none wrong; MEDIUM when one strong factor alone is right, or two or more weak factors \
                    (postcode, accountLastDigits) are right; LOW when one weak factor alone is right; NONE when any answer \
                    is wrong. Asking about a factor the customer has not set counts as a wrong answer, so the answer never \
                    tells which factors exist. A NONE is a failed attempt: after max-failures in a row (default 3) \
                    verification of the customer is locked for the lockout period (default 15 minutes) and attempts \
                    answer 423 until then or until a supervisor lifts the lock; a success resets the count. Every attempt \
                    is audited, without the answers.""")
    @APIResponse(responseCode = "200", description = "Checked; the level, which factors matched, and how many failures remain")
    @APIResponse(responseCode = "400", description = "No answers, or an answer that cannot be one (problem details naming the field)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer has been erased")
    @APIResponse(responseCode = "423", description = "Locked after repeated failures; the detail and Retry-After say until when")
    public Uni<VerificationResult> verify(@Valid @NotNull VerificationRequest request) {
        Map<Factor, String> answers = request.answers().normalised("answers.");
        if (answers.isEmpty()) {
            throw dev.panorama.kit.problem.InvalidInputException.field("answers", "must answer at least one factor");
        }
        return verification.verify(request.customerId(), answers, request.channel(), callers.current());
    }
}
