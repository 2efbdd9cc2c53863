package dev.panorama.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything an operator can tune at the gateway: where each area goes, and how hard the edge pushes back. */
@ConfigMapping(prefix = "panorama.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name; each route names one. */
    Map<String, Upstream> upstreams();

    /** The route table, in order of precedence: the first route with a matching path pattern wins. */
    List<Route> routes();

    /** Request size limits. */
    Limits limits();

    /** Timeouts, retries and circuit breaking towards the upstreams. */
    Resilience resilience();

    /** Per-client rate limits. */
    RateLimit rateLimit();

    /** What the agent console needs to know to log in. */
    Console console();

    interface Upstream {

        /** Base address of the service, e.g. http://127.0.0.1:8081. */
        URI url();

        /** Path of the service's readiness check, which the gateway's own readiness reflects. */
        @WithDefault("/q/health/ready")
        String readinessPath();

        /** Whether the gateway reports itself not ready while this service is not ready. */
        @WithDefault("true")
        boolean requiredForReadiness();
    }

    interface Route {

        /** Name of the upstream (a key of {@code upstreams}). */
        String upstream();

        /** Path patterns: literal segments, {@code *} or {@code {name}} for one segment, {@code **} for the rest. */
        List<String> paths();
    }

    interface Limits {

        /** Largest request body the gateway forwards; larger ones get 413, whether announced or streamed. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    interface Resilience {

        /** How long connecting to an upstream may take. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long an upstream may stay silent before the request is abandoned with 504. */
        @WithDefault("10s")
        Duration responseTimeout();

        /** The silence allowed on a Server-Sent Events stream (clients asking for text/event-stream). */
        @WithDefault("5m")
        Duration streamIdleTimeout();

        /** Extra attempts for idempotent reads without a body (GET, HEAD, OPTIONS) when an upstream fails. */
        @WithDefault("2")
        int readRetries();

        /** Pause before the first retry; each further retry waits one more such pause. */
        @WithDefault("50ms")
        Duration retryBackoff();

        /**
         * Consecutive failures (connection refused, timeout, 502, 504, 503 without Retry-After: UpstreamFailures) that
         * open an upstream's circuit.
         */
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open circuit refuses calls before one trial call may go through. */
        @WithDefault("10s")
        Duration breakerOpenFor();

        /** Connections kept per upstream. */
        @WithDefault("200")
        int maxConnectionsPerUpstream();
    }

    interface RateLimit {

        /** Sustained requests per second allowed to one caller (one user or service account of one client). */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests one caller may send in a burst above the sustained rate. */
        @WithDefault("100")
        int burst();

        /** Per OAuth client (the token's azp), a different sustained rate and burst. */
        Map<String, ClientLimit> clients();
    }

    interface ClientLimit {

        /** Sustained requests per second for one caller of this client. */
        double requestsPerSecond();

        /** Burst for one caller of this client. */
        int burst();
    }

    interface Console {

        /** The public Keycloak client the console logs in with (authorization code + PKCE). */
        @WithDefault("panorama-console")
        String clientId();
    }
}
