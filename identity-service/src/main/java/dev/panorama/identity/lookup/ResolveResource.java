package dev.panorama.identity.lookup;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.resolution.RecordResolution;
import dev.panorama.identity.resolution.ResolutionService;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Who sent this contact? The sender's address on a channel is kept as a source record of that channel,
 * so it resolves like any record: to a known customer, or to a new prospect.
 */
@Path("/api/v1/identity/resolve")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@CustomDeserialization(StrictJson.class)
// a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
@Cancellable(false)
public class ResolveResource {

    /** A contact's sender as a channel saw them. */
    public record Sender(@NotNull Channel channel, @NotBlank @Size(max = 320) String address,
            @Size(max = 300) String displayName) {
    }

    private final ResolutionService resolution;
    private final OutboxRelay relay;

    public ResolveResource(ResolutionService resolution, OutboxRelay relay) {
        this.resolution = resolution;
        this.relay = relay;
    }

    @POST
    @RolesAllowed({"channel-adapter", "agent", "admin"})
    @Operation(summary = "Resolve a contact's sender to a customer, creating a prospect for an unknown sender")
    @APIResponse(responseCode = "200", description = "The sender's customer and how it was decided")
    @APIResponse(responseCode = "400", description = "Invalid sender (problem details naming the fields)")
    @APIResponse(responseCode = "409", description = "Changes to the customers it matched kept getting in the way on every"
            + " attempt (concurrent-change, with Retry-After): send it again")
    public Uni<RecordResolution> resolve(@Valid @NotNull Sender sender) {
        return resolution.ingest(asSourceRecord(sender)).invoke(relay::nudge);
    }

    private static SourceRecord asSourceRecord(Sender sender) {
        String address = sender.address().trim();
        boolean email = sender.channel() == Channel.EMAIL || address.contains("@");
        boolean phone = !email && (sender.channel() == Channel.PHONE || sender.channel() == Channel.SMS || sender.channel() == Channel.FAX);
        PersonName name = sender.displayName() == null ? null : new PersonName(null, null, null, null, sender.displayName());
        return new SourceRecord(sender.channel().senderSystem(), Channel.senderRecordId(address),
                Instant.now(), name, null, email ? List.of(address) : List.of(), phone ? List.of(address) : List.of(),
                List.of(), List.of());
    }
}
