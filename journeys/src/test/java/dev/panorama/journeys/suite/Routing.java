package dev.panorama.journeys.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.channel.Channel;
import dev.panorama.journeys.client.Caller;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The routing API as a supervisor (sam) and the agents themselves use it through the gateway: skills, agents with
 * skills and capacity, presence, and the offers an agent sees.
 */
public final class Routing {

    private final Caller supervisor;

    public Routing(Panorama panorama) {
        this.supervisor = panorama.user("sam");
    }

    public Caller supervisor() {
        return supervisor;
    }

    /** Adds a skill to the catalogue (or keeps it). */
    public void skill(String name) {
        int status = supervisor.put("/api/v1/routing/skills/" + name, Map.of("description", name)).status();
        assertThat(status).as("skill " + name).isIn(200, 201);
    }

    /**
     * Creates or replaces an agent with these skills and room on these channels only (every other channel none, so
     * the agent is offered nothing else).
     */
    public void agent(String agentId, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        Map<Channel, Integer> only = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            only.put(channel, capacity.getOrDefault(channel, 0));
        }
        List<Map<String, Object>> levels = new ArrayList<>();
        skills.forEach((skill, proficiency) -> levels.add(Map.of("skill", skill, "proficiency", proficiency)));
        int status = supervisor.put("/api/v1/routing/agents/" + agentId,
                Map.of("displayName", agentId, "skills", levels, "capacity", only)).status();
        assertThat(status).as("agent " + agentId).isIn(200, 201);
    }

    /** The supervisor sets an agent's presence (AVAILABLE, AWAY, OFFLINE...). */
    public void presence(String agentId, String presence) {
        supervisor.put("/api/v1/routing/agents/" + agentId + "/presence", Map.of("presence", presence)).expect(200);
    }

    /** The agent's open offers as the agent sees them. */
    public static List<JsonNode> offers(Caller agent) {
        List<JsonNode> offers = new ArrayList<>();
        agent.get("/api/v1/routing/agents/me/offers").expect(200).path("items").forEach(offers::add);
        return offers;
    }

    /** Waits until the agent sees an open offer that passes the test, and returns it. */
    public static JsonNode awaitOffer(Caller agent, String what, Predicate<JsonNode> test) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Eventually.assertThat(what, () -> {
            List<JsonNode> matching = offers(agent).stream().filter(test).toList();
            assertThat(matching).as("the agent's open offers").hasSize(1);
            found.set(matching.getFirst());
        });
        return found.get();
    }

    /** The agent accepts the offer: the task is theirs. */
    public static JsonNode accept(Caller agent, JsonNode offer) {
        return agent.post("/api/v1/routing/offers/" + offer.path("offerId").asText() + "/acceptance", "{}").expect(200);
    }

    /** A task as the supervisor sees it. */
    public JsonNode task(String taskId) {
        return supervisor.get("/api/v1/routing/tasks/" + taskId).expect(200);
    }

    /** The tasks of a queue in creation order (one page of up to 200). */
    public List<JsonNode> tasksOfQueue(String queueId) {
        List<JsonNode> tasks = new ArrayList<>();
        supervisor.get("/api/v1/routing/tasks?queueId=" + queueId + "&limit=200").expect(200).path("items").forEach(tasks::add);
        return tasks;
    }
}
