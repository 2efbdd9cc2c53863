package dev.panorama.identity.golden;

import java.util.List;

/** An identifier of a customer (any type, unique or not) as sources sent it, and every source record carrying it. */
public record KnownIdentifier(String type, String value, String issuer, List<Source> sources) {
}
