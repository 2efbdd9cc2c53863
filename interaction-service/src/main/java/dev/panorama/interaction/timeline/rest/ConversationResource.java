package dev.panorama.interaction.timeline.rest;

import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.timeline.ConversationView;
import dev.panorama.interaction.timeline.Cursor;
import dev.panorama.interaction.timeline.TimelineQueries;
import dev.panorama.interaction.timeline.UnknownConversation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/conversations/{conversationId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final TimelineQueries queries;
    private final InteractionConfig.Reading reading;

    public ConversationResource(TimelineQueries queries, InteractionConfig config) {
        this.queries = queries;
        this.reading = config.reading();
    }

    @GET
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "One conversation across channels, oldest contact first",
            description = "Every contact the adapters sent with this conversationId (a web form, then a chat, then a call...);"
                    + " a contact sent without one is a conversation of its own, named by its interaction id.")
    @APIResponse(responseCode = "200", description = "The thread, one page; nextCursor fetches the rest")
    @APIResponse(responseCode = "404", description = "No contact belongs to this conversation")
    public Uni<ConversationView> conversation(@PathParam("conversationId") String conversationId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        String id = QueryParams.text("conversationId", conversationId, 200);
        Cursor after = Cursor.decode(cursor);
        return queries.conversation(id, after, QueryParams.limit(limit, reading.defaultLimit(), reading.maxLimit()))
                .invoke(view -> {
                    if (view.interactions().isEmpty() && after == null) {
                        throw new UnknownConversation();
                    }
                });
    }
}
