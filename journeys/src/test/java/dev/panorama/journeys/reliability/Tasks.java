package dev.panorama.journeys.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.journeys.client.Caller;

/** Routing tasks as a supervisor finds them. */
final class Tasks {

    private static final int MAX_PAGES = 100;

    private Tasks() {
    }

    /** The task made of that interaction, or null: the list is paged through in creation order. */
    static JsonNode of(Caller supervisor, String interactionId) {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode found = supervisor.get("/api/v1/routing/tasks?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            for (JsonNode task : found.path("items")) {
                if (interactionId.equals(task.path("interactionId").asText())) {
                    return task;
                }
            }
            cursor = found.path("nextCursor").asText(null);
            if (cursor == null) {
                return null;
            }
        }
        return null;
    }
}
