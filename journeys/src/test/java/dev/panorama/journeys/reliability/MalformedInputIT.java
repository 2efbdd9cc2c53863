package dev.panorama.journeys.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Caller.RawReply;
import dev.panorama.journeys.client.Json;
import dev.panorama.journeys.reliability.MalformedCorpus.Endpoint;
import dev.panorama.journeys.reliability.MalformedCorpus.Request;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.WholeSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The malformed-input corpus against every endpoint behind the gateway, each called by a user or client holding one of
 * its roles (the admin wherever the admin may call it), so that the request reaches the service's own input checks.
 * Every answer is a 4xx problem+json, or a 2xx to a read or delete whose input happens to be valid; never a 5xx; no
 * write accepts it; a bad query parameter never gets a 404, as if the endpoint did not exist; and afterwards the stores
 * hold as many things as before.
 */
@Order(8)
@ExtendWith(WholeSuite.class)
class MalformedInputIT {

    private static final long SEED = 20261203L;
    /** Actions that take no input at all (nothing to malform), and start heavy work on every call. */
    private static final Set<String> NO_INPUT = Set.of("POST /api/v1/identity/model/train", "POST /api/v1/profiles/rebuild");
    /** Who calls an endpoint that the admin may not call, by the role it needs (in this order of preference). */
    private static final List<String> ROLE_PREFERENCE = List.of("supervisor", "agent", "data-steward", "channel-adapter",
            "backoffice-system", "customer");

    @Test
    void no_malformed_request_gets_a_5xx_or_is_accepted_and_nothing_is_stored(Panorama panorama) {
        Path rules = Path.of(System.getProperty("panorama.suite.root", "..")).resolve(
                "gateway/src/main/resources/dev/panorama/gateway/access-rules.txt");
        List<Endpoint> endpoints = MalformedCorpus.endpoints(rules).stream()
                .filter(endpoint -> !NO_INPUT.contains(endpoint.toString())).toList();
        assertThat(endpoints).as("the access-rule table lists the endpoints").hasSizeGreaterThan(50);
        Map<String, Long> before = settled(panorama);

        MalformedCorpus corpus = new MalformedCorpus(SEED);
        List<String> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            Caller caller = callerFor(panorama, endpoint);
            for (Request request : corpus.requests(endpoint)) {
                RawReply reply = send(caller, request);
                sent++;
                statuses.merge(reply.status(), 1, Integer::sum);
                String finding = judge(request, reply);
                if (finding == null && reply.status() == 404) {
                    finding = request.withoutQuery().map(plain -> send(caller, plain)).filter(plain -> plain.status() != 404)
                            .map(plain -> "404 to a bad query parameter, " + plain.status() + " without it").orElse(null);
                }
                if (finding != null) {
                    findings.add(request + " -> " + finding);
                }
            }
        }
        System.out.printf("malformed input: %d requests to %d endpoints; answers by status %s; %d findings%n", sent,
                endpoints.size(), statuses, findings.size());
        findings.forEach(finding -> System.out.println("  " + finding));

        assertThat(findings).as("answers to malformed requests that are 5xx, accept the input or are no problem+json")
                .isEmpty();
        assertThat(settled(panorama)).as("what the stores hold after the corpus").isEqualTo(before);
    }

    /** The answer, once the gateway's rate limit lets the request through (the corpus is sent as fast as answered). */
    private static RawReply send(Caller caller, Request request) {
        RawReply reply = caller.raw(request.method(), request.path(), request.contentType(), request.body());
        for (int retry = 0; reply.status() == 429 && retry < 10; retry++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = caller.raw(request.method(), request.path(), request.contentType(), request.body());
        }
        return reply;
    }

    /** Null when the answer is right for malformed input; otherwise what is wrong with it. */
    private static String judge(Request request, RawReply reply) {
        int status = reply.status();
        if (status >= 500) {
            return status + ": " + abbreviated(reply.body());
        }
        if (status < 300) {
            // a read, or a delete of something unknown (idempotent), may well succeed; the store counts show what changed
            return request.endpoint().writes() ? status + ": the write accepted it" : null;
        }
        if (status < 400) {
            return status + ": a redirect";
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return status + " as " + (reply.contentType().isEmpty() ? "no content type" : reply.contentType())
                    + ", not problem+json: " + abbreviated(reply.body());
        }
        JsonNode problem;
        try {
            problem = Json.read(reply.body());
        } catch (IllegalArgumentException notJson) {
            return status + ": a problem+json body that is no JSON";
        }
        if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
            return status + ": a problem without its status or title: " + abbreviated(reply.body());
        }
        return null;
    }

    private static Caller callerFor(Panorama panorama, Endpoint endpoint) {
        List<String> roles = endpoint.roles();
        if (roles.contains("admin") || roles.contains("*") || roles.contains("-")) {
            return panorama.user("ada");
        }
        String role = ROLE_PREFERENCE.stream().filter(roles::contains).findFirst()
                .orElseThrow(() -> new AssertionError("no demo user or client holds a role of " + endpoint));
        return switch (role) {
            case "supervisor" -> panorama.user("sam");
            case "agent" -> panorama.user("alice");
            case "data-steward" -> panorama.user("dana");
            case "customer" -> panorama.user("carl");
            default -> panorama.client(role);
        };
    }

    /** The store counts once they have stopped moving (what earlier tests sent has been processed). */
    private static Map<String, Long> settled(Panorama panorama) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(StoreCounts.of(panorama));
        Eventually.assertThat("the stores are settled", () -> {
            Thread.sleep(3000);
            Map<String, Long> now = StoreCounts.of(panorama);
            Map<String, Long> previous = last.getAndSet(now);
            assertThat(now).isEqualTo(previous);
        });
        return last.get();
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
