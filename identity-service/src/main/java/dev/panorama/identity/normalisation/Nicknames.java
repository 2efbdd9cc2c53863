package dev.panorama.identity.normalisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Nickname equivalences ({@code bob = robert}), read from a resource with one group per line:
 * the formal name first, then its nicknames, comma-separated.
 */
public final class Nicknames {

    private static final Nicknames DEFAULT = load("/dev/panorama/identity/normalisation/nicknames.csv");

    private final Map<String, String> formalByName;

    private Nicknames(Map<String, String> formalByName) {
        this.formalByName = formalByName;
    }

    public static Nicknames defaults() {
        return DEFAULT;
    }

    public static Nicknames load(String resource) {
        Map<String, String> formal = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                String[] names = line.split(",");
                String canonical = names[0].trim();
                for (String name : names) {
                    formal.putIfAbsent(name.trim(), canonical);
                }
            });
            return new Nicknames(Map.copyOf(formal));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read nicknames from " + resource, e);
        }
    }

    /** The formal name a normalised first name stands for, or the name itself. */
    public String formal(String normalisedName) {
        return normalisedName == null ? null : formalByName.getOrDefault(normalisedName, normalisedName);
    }

    public boolean equivalent(String a, String b) {
        return a != null && b != null && formal(a).equals(formal(b));
    }
}
