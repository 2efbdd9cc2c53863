package dev.panorama.gateway.console;

import dev.panorama.gateway.testing.FakeUpstreams;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * routing-service as one agent's console sees it, with the state the real one keeps: the agent's presence (404 on
 * /agents/me until the agent is known to routing), the tasks waiting for it (offered once it is available), its open
 * offers and the tasks it holds (accepted, wrapped up, completed), answered in routing-service's shapes (AgentView,
 * OfferView, TaskView, problem details), and on its open event stream what the database triggers would send
 * (offer, offer-closed, task, presence).
 */
final class AgentRoutingFake {

    private static final String AGENT = "alice";
    private static final Pattern OFFER_ANSWER = Pattern.compile("/api/v1/routing/offers/([^/]+)/(acceptance|rejection)");
    private static final Pattern TASK_STEP = Pattern.compile("/api/v1/routing/tasks/([^/]+)/(wrap-up|completion)");
    private static final Set<String> SETTABLE = Set.of("AVAILABLE", "BUSY", "AWAY", "OFFLINE");

    private String presence;
    private String presenceReason;
    private final List<JsonObject> waiting = new ArrayList<>();
    private final Map<String, JsonObject> offers = new LinkedHashMap<>();
    private final Map<String, JsonObject> held = new LinkedHashMap<>();
    private HttpServerResponse events;
    private int streamsOpened;

    /** A presence set on the server, as by a supervisor or routing's timer: heard on the stream. */
    synchronized void presence(String presence, String reason) {
        change(presence, reason);
    }

    synchronized String presence() {
        return presence;
    }

    /** A task routing offers the agent as soon as the agent is available. */
    synchronized void waiting(JsonObject task) {
        waiting.add(task.copy().put("state", "QUEUED"));
        offerWaiting();
    }

    synchronized boolean listening() {
        return events != null && !events.closed();
    }

    synchronized int streamsOpened() {
        return streamsOpened;
    }

    /** The stream ends, as when a replica stops or its listener fell behind. */
    synchronized void endStream() {
        if (listening()) {
            events.end();
        }
        events = null;
    }

    /** The queue's wrap-up time is over for every task in wrap-up, unheard (the stream is down meanwhile). */
    synchronized void wrapUpTimeOver() {
        held.values().removeIf(task -> task.getString("state").equals("WRAP_UP"));
        if ("WRAP_UP".equals(presence)) {
            presence = "AVAILABLE";
            presenceReason = "wrap-up-over";
        }
    }

    void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            FakeUpstreams.get("routing-service").record(request, body.toString());
            answer(request, body.toString());
        });
    }

    private synchronized void answer(HttpServerRequest request, String body) {
        String call = request.method().name() + " " + request.path();
        Matcher offer = OFFER_ANSWER.matcher(request.path());
        Matcher task = TASK_STEP.matcher(request.path());
        switch (call) {
            case "GET /api/v1/routing/agents/me" -> {
                if (presence == null) {
                    problem(request, 404, "unknown-agent", "No agent " + AGENT + ".");
                } else {
                    json(request, agent());
                }
            }
            case "PUT /api/v1/routing/agents/me/presence" -> {
                String chosen = new JsonObject(body).getString("presence");
                if (!SETTABLE.contains(chosen)) {
                    problem(request, 400, "invalid-input", "presence: must be one of AVAILABLE, BUSY, AWAY, OFFLINE");
                } else {
                    change(chosen, "agent");
                    json(request, agent());
                }
            }
            case "GET /api/v1/routing/agents/me/offers" -> json(request, items(offers.values()));
            case "GET /api/v1/routing/agents/me/tasks" -> json(request, items(held.values()));
            case "GET /api/v1/routing/agents/me/events" -> {
                streamsOpened++;
                events = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                push("ready", new JsonObject().put("agentId", AGENT));
            }
            default -> {
                if (request.method().name().equals("POST") && offer.matches()) {
                    answerOffer(request, offer.group(1), offer.group(2).equals("acceptance"));
                } else if (request.method().name().equals("POST") && task.matches()) {
                    step(request, task.group(1), task.group(2).equals("wrap-up"), new JsonObject(body.isEmpty() ? "{}" : body).getString("disposition"));
                } else {
                    problem(request, 404, "not-found", "No " + call + " in this fake.");
                }
            }
        }
    }

    private void answerOffer(HttpServerRequest request, String offerId, boolean accepted) {
        JsonObject offer = offers.remove(offerId);
        if (offer == null) {
            problem(request, 409, "offer-closed", "The offer is no longer open.");
            return;
        }
        Instant now = Instant.now();
        offer.put("status", accepted ? "ACCEPTED" : "REJECTED").put("closedAt", now.toString());
        push("offer-closed", offer);
        if (!accepted) {
            json(request, offer);
            return;
        }
        JsonObject task = task(offer).put("state", "ASSIGNED").put("assignedAt", now.toString());
        held.put(task.getString("id"), task);
        push("task", task);
        json(request, task);
    }

    private void step(HttpServerRequest request, String taskId, boolean wrapUp, String disposition) {
        JsonObject task = held.get(taskId);
        if (task == null || wrapUp && !task.getString("state").equals("ASSIGNED")) {
            problem(request, 409, "task-not-in-state", "The task cannot " + (wrapUp ? "be wrapped up" : "be completed") + " now.");
            return;
        }
        Instant now = Instant.now();
        task.put("disposition", disposition != null ? disposition : task.getString("disposition"));
        if (wrapUp) {
            task.put("state", "WRAP_UP").put("wrapUpAt", now.toString()).put("wrapUpUntil", now.plusSeconds(120).toString());
            if ("AVAILABLE".equals(presence) && held.values().stream().noneMatch(other -> other.getString("state").equals("ASSIGNED"))) {
                change("WRAP_UP", "wrap-up");
            }
        } else {
            held.remove(taskId);
            task.put("state", "COMPLETED").put("outcome", "COMPLETED").put("endedAt", now.toString());
            if ("WRAP_UP".equals(presence) && held.values().stream().noneMatch(other -> other.getString("state").equals("WRAP_UP"))) {
                change("AVAILABLE", "wrap-up-over");
            }
        }
        push("task", task);
        json(request, task);
    }

    /** As routing's Presence: becoming available is offered what waits, leaving withdraws the open offers. */
    private void change(String presence, String reason) {
        this.presence = presence;
        this.presenceReason = reason;
        push("presence", agent());
        if (presence.equals("AVAILABLE")) {
            offerWaiting();
        } else {
            for (JsonObject offer : List.copyOf(offers.values())) {
                offers.remove(offer.getString("offerId"));
                waiting.add(task(offer).put("state", "QUEUED"));
                push("offer-closed", offer.put("status", "WITHDRAWN").put("closedAt", Instant.now().toString()));
            }
        }
    }

    private void offerWaiting() {
        if (!"AVAILABLE".equals(presence)) {
            return;
        }
        Instant now = Instant.now();
        for (JsonObject task : waiting) {
            JsonObject offer = new JsonObject().put("offerId", UUID.randomUUID().toString()).put("taskId", task.getString("id"))
                    .put("agentId", AGENT).put("status", "OPEN").put("channel", task.getString("channel"))
                    .put("queueId", task.getString("queueId")).put("priority", task.getInteger("priority", 50))
                    .put("subject", task.getString("subject")).put("customerId", task.getString("customerId"))
                    .put("offeredAt", now.toString()).put("expiresAt", now.plusSeconds(60).toString()).putNull("closedAt");
            offers.put(offer.getString("offerId"), offer);
            push("offer", offer);
        }
        waiting.clear();
    }

    /** routing-service's AgentView. */
    private JsonObject agent() {
        return new JsonObject().put("id", AGENT).putNull("displayName").put("presence", presence).put("presenceReason", presenceReason)
                .put("presenceSince", Instant.now().toString()).putNull("wrapUpUntil").put("skills", new JsonArray())
                .put("capacity", new JsonObject().put("EMAIL", 5)).put("load", new JsonObject().put("EMAIL", held.size() + offers.size()))
                .put("missedOffers", 0);
    }

    /** routing-service's TaskView of an offer's task, held by the agent. */
    private static JsonObject task(JsonObject offer) {
        return new JsonObject().put("id", offer.getString("taskId")).put("channel", offer.getString("channel"))
                .put("queueId", offer.getString("queueId")).put("priority", offer.getInteger("priority"))
                .put("requiredSkills", new JsonArray()).put("anyOfSkills", new JsonArray()).put("preferredAgents", new JsonArray())
                .put("customerId", offer.getString("customerId")).putNull("interactionId").put("subject", offer.getString("subject"))
                .put("source", "API").put("agentId", AGENT).put("escalationLevel", 0).put("offeredAt", offer.getString("offeredAt"))
                .putNull("disposition");
    }

    private void push(String name, JsonObject data) {
        if (!listening()) {
            return; // not heard: the console reads again when its stream (re)connects
        }
        try {
            events.write("event: " + name + "\ndata: " + data.encode() + "\n\n");
        } catch (IllegalStateException closed) {
            events = null;
        }
    }

    private static JsonObject items(Iterable<JsonObject> values) {
        JsonArray items = new JsonArray();
        values.forEach(value -> items.add(value.copy()));
        return new JsonObject().put("items", items);
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String type, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://panorama.dev/problems/" + type).put("status", status).put("detail", detail).encode());
    }
}
