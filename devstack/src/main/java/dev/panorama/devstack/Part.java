package dev.panorama.devstack;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The pieces of infrastructure devstack can start, and the variable that points one at an external server. */
public enum Part {
    /** PostgreSQL; external: {@code PANORAMA_POSTGRES=host:port} (user and password from PANORAMA_POSTGRES_USER/_PASSWORD). */
    POSTGRES("PANORAMA_POSTGRES"),
    /** Apache Kafka; external: {@code PANORAMA_KAFKA=host:port[,host:port]} (bootstrap servers). */
    KAFKA("PANORAMA_KAFKA"),
    /** MongoDB wire protocol; external: {@code PANORAMA_MONGODB=mongodb://...} (connection string). */
    MONGO("PANORAMA_MONGODB"),
    /** Keycloak; external: {@code PANORAMA_KEYCLOAK=http://host:port} with realm panorama imported. */
    KEYCLOAK("PANORAMA_KEYCLOAK");

    private final String externalVariable;

    Part(String externalVariable) {
        this.externalVariable = externalVariable;
    }

    public String externalVariable() {
        return externalVariable;
    }

    /** Parses a comma list such as {@code postgres,kafka,keycloak}. */
    public static Set<Part> parse(String list) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Part.valueOf(name.toUpperCase(Locale.ROOT)))
                .forEach(parts::add);
        return parts;
    }
}
