package dev.panorama.routing.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RoutingEdgeTest extends ServiceEdgeContract {

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/routing/_probe";
    }
}
