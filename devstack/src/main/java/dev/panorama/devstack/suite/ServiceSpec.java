package dev.panorama.devstack.suite;

import dev.panorama.devstack.Part;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One Panorama application as the local suite runs it.
 *
 * @param name     module directory and display name
 * @param port     local HTTP port (the design doc's table)
 * @param parts    the infrastructure it needs
 * @param database its PostgreSQL or MongoDB database
 */
public record ServiceSpec(String name, int port, Set<Part> parts, String database) {

    /** The suite in start order; ports and stores as in the design doc. */
    public static final List<ServiceSpec> SUITE = List.of(
            new ServiceSpec("identity-service", 8081, EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK), "identity"),
            new ServiceSpec("interaction-service", 8082, EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK), "interaction"),
            new ServiceSpec("routing-service", 8083, EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK), "routing"),
            new ServiceSpec("profile-service", 8084, EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK), "profile"),
            new ServiceSpec("gateway", 8080, EnumSet.of(Part.KEYCLOAK), "gateway"));

    /** The same application on another port (the journeys run the suite on free ports). */
    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, parts, database);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
