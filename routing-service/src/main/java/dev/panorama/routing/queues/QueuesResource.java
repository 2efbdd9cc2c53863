package dev.panorama.routing.queues;

import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.matching.EscalationAction;
import dev.panorama.routing.matching.Strategy;
import dev.panorama.routing.store.Transactions;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Supervisors manage queues: strategy, timed escalation steps, service level, overflow. */
@Path("/api/v1/routing/queues")
@CustomDeserialization(StrictJson.class)
public class QueuesResource {

    static final String ID = "^[a-z0-9][a-z0-9._-]{0,62}$";

    private final Transactions transactions;
    private final QueueStore queues;
    private final RoutingConfig config;
    private final Clock clock;

    public QueuesResource(Transactions transactions, QueueStore queues, RoutingConfig config, Clock clock) {
        this.transactions = transactions;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
    }

    public record StepRequest(@Min(0) @Max(86_400) int afterSeconds, @NotNull EscalationAction action,
            @Min(0) @Max(4) int amount) {
    }

    /** Absent numbers take the defaults of {@code panorama.routing.queue-defaults}. */
    public record QueueRequest(@NotBlank @Size(max = 200) String name, @NotNull Strategy strategy,
            @Size(max = 20) List<@NotNull @Valid StepRequest> escalationSteps,
            @Min(1) @Max(86_400) Integer slaTargetSeconds, @Pattern(regexp = ID) String overflowQueueId,
            @Min(1) @Max(3_600) Integer offerTimeoutSeconds, @Min(0) @Max(3_600) Integer wrapUpSeconds,
            @Min(1) @Max(2_592_000) Integer maxWaitSeconds) {
    }

    public record Queues(List<QueueSettings> items) {
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Every queue with its settings")
    public Uni<Queues> list() {
        return transactions.read(queues::all).map(all -> new Queues(List.copyOf(all.values())));
    }

    @GET
    @Path("/{queueId}")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "One queue's settings")
    @APIResponse(responseCode = "404", description = "No such queue")
    public Uni<QueueSettings> get(@PathParam("queueId") @Pattern(regexp = ID) String queueId) {
        return transactions.read(connection -> queues.find(connection, queueId))
                .map(found -> found.orElseThrow(() -> UnknownQueue.asked(queueId)));
    }

    @PUT
    @Path("/{queueId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Create or replace a queue")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "422", description = "The overflow queue does not exist, or is the queue itself")
    public Uni<Response> put(@PathParam("queueId") @Pattern(regexp = ID) String queueId, @NotNull @Valid QueueRequest request) {
        QueueSettings settings = settings(queueId, request);
        return transactions.inTransaction(connection -> overflowExists(connection, settings)
                        .chain(() -> queues.put(connection, settings, clock.instant())))
                .map(created -> Response.status(created ? 201 : 200).entity(settings).build());
    }

    @DELETE
    @Path("/{queueId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Remove a queue that never held a task and is no other queue's overflow")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such queue")
    @APIResponse(responseCode = "409", description = "Still in use")
    public Uni<Response> remove(@PathParam("queueId") @Pattern(regexp = ID) String queueId) {
        return transactions.inTransaction(connection -> queues.remove(connection, queueId))
                .replaceWith(Response.noContent().build());
    }

    private Uni<Void> overflowExists(io.vertx.mutiny.sqlclient.SqlConnection connection, QueueSettings settings) {
        if (settings.overflowQueueId() == null) {
            return Uni.createFrom().voidItem();
        }
        if (settings.overflowQueueId().equals(settings.id())) {
            throw InvalidInputException.field("overflowQueueId", "a queue cannot overflow into itself");
        }
        return queues.find(connection, settings.overflowQueueId())
                .invoke(found -> found.orElseThrow(() -> UnknownQueue.referred(settings.overflowQueueId())))
                .replaceWithVoid();
    }

    private QueueSettings settings(String queueId, QueueRequest request) {
        RoutingConfig.QueueDefaults defaults = config.queueDefaults();
        List<QueueSettings.Step> steps = request.escalationSteps() == null ? List.of() : request.escalationSteps().stream()
                .map(step -> new QueueSettings.Step(step.afterSeconds(), step.action(),
                        step.action() == EscalationAction.RELAX_PROFICIENCY ? Math.max(1, step.amount()) : 0))
                .sorted(Comparator.comparingInt(QueueSettings.Step::afterSeconds))
                .toList();
        return new QueueSettings(queueId, request.name(), request.strategy(), steps,
                orDefault(request.slaTargetSeconds(), (int) defaults.slaTarget().toSeconds()), request.overflowQueueId(),
                orDefault(request.offerTimeoutSeconds(), (int) defaults.offerTimeout().toSeconds()),
                orDefault(request.wrapUpSeconds(), (int) defaults.wrapUp().toSeconds()), request.maxWaitSeconds());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
