package dev.panorama.routing.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One NOTIFY on channel {@code routing_agent} (database triggers, V3): which agent must hear of what.
 *
 * @param agent the agent id
 * @param kind  offer, offer-closed, task or presence
 * @param id    the offer, task or agent the details are read from
 */
public record AgentNotice(String agent, String kind, String id) {

    public static final String CHANNEL = "routing_agent";
    /** The kind of notice for a change of the agent's presence (or of the end of its wrap-up). */
    public static final String PRESENCE = "presence";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The notice in a payload, or empty if the payload is not one (nothing else writes on the channel). */
    public static Optional<AgentNotice> parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            String agent = node.path("agent").asText(null);
            String kind = node.path("kind").asText(null);
            String id = node.path("id").asText(null);
            return agent == null || kind == null || id == null ? Optional.empty() : Optional.of(new AgentNotice(agent, kind, id));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
