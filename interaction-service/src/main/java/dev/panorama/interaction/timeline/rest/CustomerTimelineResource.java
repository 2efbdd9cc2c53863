package dev.panorama.interaction.timeline.rest;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.timeline.Cursor;
import dev.panorama.interaction.timeline.CustomerSummary;
import dev.panorama.interaction.timeline.PageView;
import dev.panorama.interaction.timeline.TimelineFilter;
import dev.panorama.interaction.timeline.TimelinePage;
import dev.panorama.interaction.timeline.TimelineQueries;
import dev.panorama.kit.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/customers/{customerId}/interactions")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTimelineResource {

    private final TimelineQueries queries;
    private final CallerAccess access;
    private final InteractionConfig.Reading reading;

    public CustomerTimelineResource(TimelineQueries queries, CallerAccess access, InteractionConfig config) {
        this.queries = queries;
        this.access = access;
        this.reading = config.reading();
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "customer"})
    @Operation(summary = "A customer's timeline: every contact on every channel, newest first",
            description = "Includes the contacts of customers merged into this one. Staff see each contact whole (InteractionView);"
                    + " a customer token sees only its own timeline, without internal notes, tags, dispositions or routing"
                    + " (CustomerInteractionView).")
    @APIResponse(responseCode = "200", description = "One page; nextCursor fetches the next")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor: problem details name it")
    @APIResponse(responseCode = "403", description = "A customer token asking for another customer's timeline")
    public Uni<TimelinePage<?>> timeline(@PathParam("customerId") UUID customerId,
            @Parameter(description = "EMAIL, LETTER, PHONE, SMS, SOCIAL, WEB, CHAT, FAX, VIDEO, IN_PERSON or OTHER") @QueryParam("channel") String channel,
            @Parameter(description = "INBOUND or OUTBOUND") @QueryParam("direction") String direction,
            @Parameter(description = "Contacts from this instant on (inclusive, ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Contacts before this instant (exclusive, ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Only this conversation") @QueryParam("conversation") String conversation,
            @Parameter(description = "Text found in the subject or the content, ignoring case") @QueryParam("q") String text,
            @Parameter(description = "Page size, capped") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        access.requireOwnCustomer(customerId);
        TimelineFilter filter = new TimelineFilter(customerId, QueryParams.enumValue("channel", channel, Channel.class),
                QueryParams.enumValue("direction", direction, Direction.class), QueryParams.instant("from", from),
                QueryParams.instant("to", to), QueryParams.text("conversation", conversation, 200), QueryParams.text("q", text, 200));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw InvalidInputException.field("to", "must be after from");
        }
        int pageSize = QueryParams.limit(limit, reading.defaultLimit(), reading.maxLimit());
        Cursor after = Cursor.decode(cursor);
        if (access.isStaff()) {
            return queries.timeline(filter, after, pageSize, PageView.STAFF).map(page -> page);
        }
        return queries.timeline(filter, after, pageSize, PageView.CUSTOMER).map(page -> page);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "How often and how recently a customer was in contact, per channel")
    @APIResponse(responseCode = "200", description = "Counts and last contact per channel, most recent channel first; zero for an unknown customer")
    public Uni<CustomerSummary> summary(@PathParam("customerId") UUID customerId) {
        return queries.summary(customerId);
    }
}
