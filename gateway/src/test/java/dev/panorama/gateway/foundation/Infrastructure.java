package dev.panorama.gateway.foundation;

import dev.panorama.devstack.test.DevStackResource;
import dev.panorama.gateway.testing.FakeUpstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against the real Keycloak from devstack and the fake upstreams. */
@QuarkusTestResource(FakeUpstreams.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = {
        @ResourceArg(name = DevStackResource.PARTS, value = "keycloak"),
        @ResourceArg(name = DevStackResource.DATABASE, value = "gateway") })
public class Infrastructure {
}
