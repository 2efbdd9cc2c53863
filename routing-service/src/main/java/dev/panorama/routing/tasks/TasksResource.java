package dev.panorama.routing.tasks;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.routing.agents.Caller;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.offers.OfferAnswers;
import dev.panorama.routing.offers.OfferView;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.store.Page;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Tasks: created by hand (callbacks, manual work), read, and moved along their lifecycle. */
@Path("/api/v1/routing/tasks")
@CustomDeserialization(StrictJson.class)
public class TasksResource {

    private final TaskLifecycle lifecycle;
    private final OfferAnswers offers;
    private final SecurityIdentity identity;
    private final RoutingConfig config;
    private final Clock clock;

    public TasksResource(TaskLifecycle lifecycle, OfferAnswers offers, SecurityIdentity identity, RoutingConfig config,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.offers = offers;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    /** A skill a task needs, at a minimum proficiency of 1 to 5. */
    public record SkillNeed(@NotBlank @Size(max = 63) String skill, @Min(1) @Max(5) int minProficiency) {

        SkillRequirement requirement() {
            return new SkillRequirement(skill, minProficiency);
        }
    }

    /**
     * A task to route. {@code queueId} defaults to the default queue, {@code priority} (0-100) to the default
     * priority; {@code subject} is a short label for the agent (no message text, no personal data).
     */
    public record TaskRequest(@NotNull Channel channel, @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,62}$") String queueId,
            @Min(0) @Max(100) Integer priority, @Size(max = 20) List<@NotNull @Valid SkillNeed> requiredSkills,
            @Size(max = 20) List<@NotNull @Valid SkillNeed> anyOfSkills,
            @Size(max = 10) List<@NotBlank @Size(max = 100) String> preferredAgents, UUID customerId,
            @Size(max = 200) String subject) {
    }

    public record WrapUpRequest(@Size(max = 200) String disposition) {
    }

    public record CancellationRequest(@Size(max = 200) String reason) {
    }

    /** Exactly one of the two: another queue, or one agent (who must be available with room). */
    public record TransferRequest(@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,62}$") String queueId,
            @Pattern(regexp = "^[A-Za-z0-9._@-]{1,100}$") String agentId) {
    }

    @POST
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Create a task (a callback request, manual work); it is queued and routed at once")
    @APIResponse(responseCode = "201", description = "Queued")
    @APIResponse(responseCode = "422", description = "Unknown queue or skill")
    public Uni<Response> create(@NotNull @Valid TaskRequest request) {
        NewTask task = new NewTask(Ids.next(clock.instant()), request.channel(),
                request.queueId() == null ? config.defaultQueue() : request.queueId(),
                request.priority() == null ? config.defaultPriority() : request.priority(),
                needs(request.requiredSkills()), needs(request.anyOfSkills()),
                request.preferredAgents() == null ? List.of() : request.preferredAgents(), request.customerId(), null,
                request.subject(), "API", Caller.of(identity).name());
        return lifecycle.create(task).map(created -> Response.created(URI.create("/api/v1/routing/tasks/" + created.task().id()))
                .entity(created.task()).build());
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Tasks by id (creation order), one page, filtered by state, queue or agent",
            description = "cursor: the nextCursor of the previous page")
    @APIResponse(responseCode = "400", description = "An unknown state, a bad cursor or limit")
    public Uni<Page<TaskView>> list(@QueryParam("state") String state, @QueryParam("queueId") @Size(max = 63) String queueId,
            @QueryParam("agentId") @Size(max = 100) String agentId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return lifecycle.page(state(state), queueId, agentId, cursor(cursor), size)
                .map(found -> new Page<>(found, found.size() == size ? found.getLast().id().toString() : null));
    }

    private static TaskState state(String state) {
        try {
            return state == null ? null : TaskState.valueOf(state);
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.field("state", "one of " + java.util.Arrays.toString(TaskState.values()));
        }
    }

    private static UUID cursor(String cursor) {
        try {
            return cursor == null ? null : UUID.fromString(cursor);
        } catch (IllegalArgumentException malformed) {
            throw InvalidInputException.field("cursor", "not a cursor of this list");
        }
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "One task with its lifecycle timestamps")
    @APIResponse(responseCode = "404", description = "No such task")
    public Uni<TaskView> get(@PathParam("taskId") UUID taskId) {
        return lifecycle.find(taskId);
    }

    @GET
    @Path("/{taskId}/offers")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Every offer made for the task, oldest first, with how it closed")
    public Uni<TaskOffers> offers(@PathParam("taskId") UUID taskId) {
        return lifecycle.find(taskId).chain(() -> offers.ofTask(taskId)).map(TaskOffers::new);
    }

    /** The offers of a task. */
    public record TaskOffers(List<OfferView> items) {
    }

    @POST
    @Path("/{taskId}/wrap-up")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "The agent is done with the customer: wrap-up with a disposition until the queue's wrap-up time ends")
    @APIResponse(responseCode = "403", description = "Not the caller's task")
    @APIResponse(responseCode = "409", description = "The task is not assigned")
    public Uni<TaskView> wrapUp(@PathParam("taskId") UUID taskId, @Valid WrapUpRequest request) {
        return lifecycle.wrapUp(Caller.of(identity), taskId, request == null ? null : request.disposition());
    }

    @POST
    @Path("/{taskId}/completion")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Complete an assigned task or end its wrap-up now")
    @APIResponse(responseCode = "403", description = "Not the caller's task")
    @APIResponse(responseCode = "409", description = "The task is not assigned or in wrap-up")
    public Uni<TaskView> complete(@PathParam("taskId") UUID taskId, @Valid WrapUpRequest request) {
        return lifecycle.complete(Caller.of(identity), taskId, request == null ? null : request.disposition());
    }

    @POST
    @Path("/{taskId}/cancellation")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Cancel a task that has not ended (e.g. the customer hung up)")
    @APIResponse(responseCode = "403", description = "An agent may cancel only a task it holds")
    @APIResponse(responseCode = "409", description = "The task has ended")
    public Uni<TaskView> cancel(@PathParam("taskId") UUID taskId, @Valid CancellationRequest request) {
        return lifecycle.cancel(Caller.of(identity), taskId, request == null ? null : request.reason());
    }

    @POST
    @Path("/{taskId}/transfer")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Transfer a task to another queue, or offer it to one agent")
    @APIResponse(responseCode = "400", description = "Neither or both of queueId and agentId")
    @APIResponse(responseCode = "403", description = "An agent may transfer only a task it holds")
    @APIResponse(responseCode = "409", description = "The task has ended")
    @APIResponse(responseCode = "422", description = "Unknown queue, or the agent is unknown, not available or full")
    public Uni<TaskView> transfer(@PathParam("taskId") UUID taskId, @NotNull @Valid TransferRequest request) {
        if ((request.queueId() == null) == (request.agentId() == null)) {
            throw InvalidInputException.field(request.queueId() == null ? "queueId" : "agentId", "give exactly one of queueId and agentId");
        }
        Caller caller = Caller.of(identity);
        return request.queueId() != null ? lifecycle.transferToQueue(caller, taskId, request.queueId())
                : lifecycle.transferToAgent(caller, taskId, request.agentId());
    }

    private static List<SkillRequirement> needs(List<SkillNeed> needs) {
        return needs == null ? List.of() : needs.stream().map(SkillNeed::requirement).toList();
    }
}
