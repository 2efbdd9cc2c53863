package dev.panorama.identity.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdentityEdgeTest extends ServiceEdgeContract {

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/identity/_probe";
    }
}
