package dev.panorama.gateway.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayEdgeTest extends ServiceEdgeContract {

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/gateway/_probe";
    }
}
