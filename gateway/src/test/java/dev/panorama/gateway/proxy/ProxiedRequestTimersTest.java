package dev.panorama.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Forwarded requests are timed under Quarkus' server request meter, per route pattern, method and status. */
class ProxiedRequestTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProxiedRequestTimers timers = new ProxiedRequestTimers(registry);

    @Test
    void eachRoutePatternMethodAndStatusHasItsOwnTimerWithQuarkusTags() {
        timers.record("/api/v1/profiles/**", HttpMethod.GET, 200, TimeUnit.MILLISECONDS.toNanos(3));
        timers.record("/api/v1/profiles/**", HttpMethod.GET, 200, TimeUnit.MILLISECONDS.toNanos(5));
        timers.record("/api/v1/profiles/**", HttpMethod.GET, 503, TimeUnit.MILLISECONDS.toNanos(1));
        timers.record("/api/v1/identity/**", HttpMethod.POST, 201, TimeUnit.MILLISECONDS.toNanos(7));

        Timer reads = timer("/api/v1/profiles/**", "GET", "200");
        assertThat(reads.count()).isEqualTo(2);
        assertThat(reads.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(reads.getId().getTag("outcome")).isEqualTo("SUCCESS");
        assertThat(timer("/api/v1/profiles/**", "GET", "503").getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
        assertThat(timer("/api/v1/identity/**", "POST", "201").count()).isEqualTo(1);
        assertThat(registry.find("http.server.requests").timers()).hasSize(3);
    }

    private Timer timer(String uri, String method, String status) {
        return registry.get("http.server.requests").tag("uri", uri).tag("method", method).tag("status", status).timer();
    }
}
