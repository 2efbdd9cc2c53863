package dev.panorama.routing.live;

import dev.panorama.routing.agents.AgentAdministration;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskLifecycle;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One agent's stream: a {@code ready} event once the stream listens, then one event per notice with the
 * details read at that moment, in the order the notices came, and a heartbeat comment so proxies keep it open.
 */
@ApplicationScoped
public class AgentEventStream {

    private static final Logger LOG = Logger.getLogger(AgentEventStream.class);

    private final AgentNotices notices;
    private final Transactions transactions;
    private final OfferStore offers;
    private final TaskLifecycle tasks;
    private final AgentAdministration agents;
    private final Duration heartbeat;

    public AgentEventStream(AgentNotices notices, Transactions transactions, OfferStore offers, TaskLifecycle tasks,
            AgentAdministration agents, @ConfigProperty(name = "panorama.agent-events.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.notices = notices;
        this.transactions = transactions;
        this.offers = offers;
        this.tasks = tasks;
        this.agents = agents;
        this.heartbeat = heartbeat;
    }

    public Multi<OutboundSseEvent> of(String agentId, Sse sse) {
        Multi<OutboundSseEvent> changes = notices.of(agentId).onItem().transformToUniAndConcatenate(notice -> event(notice, sse))
                .filter(event -> event != null);
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> json(sse, "ready", Map.of("agentId", agentId)));
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, ready, beats);
    }

    /** The event for a notice, or null when its subject is gone or cannot be read (the stream goes on). */
    private Uni<OutboundSseEvent> event(AgentNotice notice, Sse sse) {
        return details(notice).map(details -> details == null ? null : json(sse, notice.kind(), details))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no details for a %s notice: %s", notice.kind(), failure.getMessage());
                    return null;
                });
    }

    private Uni<Object> details(AgentNotice notice) {
        return switch (notice.kind()) {
            case "offer", "offer-closed" -> transactions.read(connection -> offers.find(connection, UUID.fromString(notice.id())))
                    .map(found -> found.orElse(null));
            case "task" -> tasks.find(UUID.fromString(notice.id())).map(Object.class::cast);
            case AgentNotice.PRESENCE -> agents.get(notice.agent()).map(Object.class::cast);
            default -> Uni.createFrom().nullItem();
        };
    }

    private static OutboundSseEvent json(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data.getClass(), data).build();
    }
}
