package dev.panorama.gateway.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import dev.panorama.gateway.testing.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class GatewayEdgeTest extends ServiceEdgeContract {

    /** The gateway is ready only when its upstreams are: whatever an earlier test did to the fakes is undone. */
    @BeforeEach
    void upstreamsUp() {
        FakeUpstreams.resetAll();
    }

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/gateway/_probe";
    }
}
