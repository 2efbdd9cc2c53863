package dev.panorama.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server request timer ({@code http.server.requests}, the meter and tags of Quarkus' HTTP server metrics: method,
 * outcome, status, uri) of requests the gateway forwards, tagged with their route pattern. Quarkus' own server metrics
 * build the tags and look the timer up in the registry on every request, which was 7-11 % of the event loops' time;
 * here each timer is looked up by a small key once made. Quarkus still times the requests the gateway answers itself
 * (401, 403, 429, 413, the console, operations endpoints): {@link #QUARKUS_IGNORES} tells it to leave forwarded ones.
 */
final class ProxiedRequestTimers {

    /** The URL template a forwarded request shows Quarkus' server metrics, which ignore it (quarkus.micrometer.binder.http-server.ignore-patterns). */
    static final String QUARKUS_IGNORES = "/~forwarded";
    private static final String NAME = "http.server.requests";

    /**
     * A timer's key, hashed and compared by hand: a record's generated hashCode and equals went through method handles
     * that the JIT left uninlined, 3-4 % of the event loops' samples.
     */
    private static final class Key {

        private final String uri;
        private final HttpMethod method;
        private final int status;
        private final int hash;

        Key(String uri, HttpMethod method, int status) {
            this.uri = uri;
            this.method = method;
            this.status = status;
            this.hash = (uri.hashCode() * 31 + method.name().hashCode()) * 31 + status;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.status == status && key.method.equals(method)
                    && key.uri.equals(uri);
        }
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    ProxiedRequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a forwarded request that took {@code nanos}, under its route pattern. */
    void record(String routePattern, HttpMethod method, int status, long nanos) {
        Key key = new Key(routePattern, method, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::register);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Key key) {
        return Timer.builder(NAME)
                .tag("method", key.method.name())
                .tag("outcome", Outcome.forStatus(key.status).name())
                .tag("status", Integer.toString(key.status))
                .tag("uri", key.uri)
                .register(registry);
    }
}
