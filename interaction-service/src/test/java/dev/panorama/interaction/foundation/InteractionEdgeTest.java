package dev.panorama.interaction.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InteractionEdgeTest extends ServiceEdgeContract {

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/interactions/_probe";
    }
}
