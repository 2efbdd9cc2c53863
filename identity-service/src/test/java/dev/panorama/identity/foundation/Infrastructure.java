package dev.panorama.identity.foundation;

import dev.panorama.devstack.test.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against real PostgreSQL, Kafka and Keycloak from devstack. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = {
        @ResourceArg(name = DevStackResource.PARTS, value = "postgres,kafka,keycloak"),
        @ResourceArg(name = DevStackResource.DATABASE, value = "identity") })
public class Infrastructure {
}
