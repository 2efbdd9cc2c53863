package dev.panorama.interaction.foundation;

import dev.panorama.devstack.test.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against a real MongoDB-wire server, Kafka and Keycloak from devstack. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = {
        @ResourceArg(name = DevStackResource.PARTS, value = "mongo,kafka,keycloak"),
        @ResourceArg(name = DevStackResource.DATABASE, value = "interaction") })
public class Infrastructure {
}
