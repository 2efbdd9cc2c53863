package dev.panorama.gateway.health;

import dev.panorama.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every upstream it needs is: each one's own readiness check is asked. */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private static final long TIMEOUT_MILLIS = 2000;

    private final Upstreams upstreams;

    public UpstreamsReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Boolean> required = upstreams.requiredForReadiness();
        List<String> names = List.copyOf(required.keySet());
        List<Future<Boolean>> checks = names.stream().map(name -> upstreams.ready(name, TIMEOUT_MILLIS)).toList();
        return Uni.createFrom().completionStage(Future.join(checks).toCompletionStage())
                .map(all -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
                    for (int i = 0; i < names.size(); i++) {
                        String name = names.get(i);
                        boolean ready = checks.get(i).result();
                        response.withData(name, (ready ? "ready" : "not ready") + ", circuit " + upstreams.circuit(name));
                        if (!ready && required.get(name)) {
                            response.down();
                        }
                    }
                    return response.build();
                });
    }
}
