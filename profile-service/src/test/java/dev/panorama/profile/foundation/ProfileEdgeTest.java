package dev.panorama.profile.foundation;

import dev.panorama.devstack.test.ServiceEdgeContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProfileEdgeTest extends ServiceEdgeContract {

    @Override
    protected String agentOnlyPath() {
        return "/api/v1/profiles/_probe";
    }
}
