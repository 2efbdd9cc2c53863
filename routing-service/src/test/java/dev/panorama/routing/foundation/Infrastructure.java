package dev.panorama.routing.foundation;

import dev.panorama.devstack.test.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against real PostgreSQL, Kafka and Keycloak from devstack. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = {
        @ResourceArg(name = DevStackResource.PARTS, value = "postgres,kafka,keycloak"),
        @ResourceArg(name = DevStackResource.DATABASE, value = "routing") })
public class Infrastructure {
}
