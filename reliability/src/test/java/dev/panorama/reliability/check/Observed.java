package dev.panorama.reliability.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.journeys.client.Caller;
import dev.panorama.reliability.load.Customer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What users see after the load, read through the gateway as staff read it. */
public final class Observed {

    private static final int PAGE = 200;

    private Observed() {
    }

    /** Every contact of the run in the customers' timelines (every page), with whose timeline it is in. */
    public static List<Stored> timelines(Caller agent, List<Customer> customers, String run) {
        List<Stored> found = new ArrayList<>();
        for (Customer customer : customers) {
            String cursor = null;
            do {
                JsonNode page = agent.get("/api/v1/customers/" + customer.customerId() + "/interactions?limit=" + PAGE
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).expect(200);
                for (JsonNode item : page.path("items")) {
                    String messageId = item.path("sourceMessageId").asText("");
                    if (messageId.startsWith(run + "-")) {
                        found.add(new Stored(messageId, item.path("interactionId").asText(), customer.customerId(),
                                item.path("resolution").asText(), item.path("needsResponse").asBoolean()));
                    }
                }
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
        }
        return found;
    }

    /** How many contacts each customer's profile counts (profile-service's fold of the interaction events). */
    public static Map<String, Long> profileContacts(Caller agent, List<Customer> customers) {
        Map<String, Long> counts = new HashMap<>();
        for (Customer customer : customers) {
            JsonNode profile = agent.get("/api/v1/profiles/" + customer.customerId()).expect(200);
            counts.put(customer.customerId(), profile.path("interactions").path("total").asLong(0));
        }
        return counts;
    }

    /** How many routing tasks there are per interaction (every page of every task routing holds). */
    public static Map<String, Integer> tasksPerInteraction(Caller supervisor) {
        Map<String, Integer> tasks = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = supervisor.get("/api/v1/routing/tasks?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).expect(200);
            for (JsonNode task : page.path("items")) {
                if (task.path("interactionId").isTextual()) {
                    tasks.merge(task.path("interactionId").asText(), 1, Integer::sum);
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return tasks;
    }
}
