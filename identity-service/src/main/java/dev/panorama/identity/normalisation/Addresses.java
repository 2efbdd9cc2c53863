package dev.panorama.identity.normalisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.stream.Collectors;

/** Postal addresses made comparable: common abbreviations spelled out, postcodes without spaces. */
public final class Addresses {

    private static final Map<String, String> DEFAULT_ABBREVIATIONS = Map.ofEntries(
            Map.entry("st", "street"), Map.entry("str", "street"), Map.entry("rd", "road"), Map.entry("ave", "avenue"),
            Map.entry("av", "avenue"), Map.entry("pl", "place"), Map.entry("cres", "crescent"), Map.entry("cr", "crescent"),
            Map.entry("ct", "court"), Map.entry("dr", "drive"), Map.entry("ln", "lane"), Map.entry("hwy", "highway"),
            Map.entry("pde", "parade"), Map.entry("cct", "circuit"), Map.entry("tce", "terrace"), Map.entry("sq", "square"),
            Map.entry("blvd", "boulevard"), Map.entry("cl", "close"), Map.entry("gr", "grove"), Map.entry("apt", "apartment"),
            Map.entry("flt", "flat"), Map.entry("mt", "mount"), Map.entry("n", "north"), Map.entry("s", "south"),
            Map.entry("e", "east"), Map.entry("w", "west"));

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private final Map<String, String> abbreviations;

    public Addresses(Map<String, String> abbreviations) {
        this.abbreviations = Map.copyOf(abbreviations);
    }

    public static Addresses withDefaultRules() {
        return new Addresses(DEFAULT_ABBREVIATIONS);
    }

    /** {@code "7, Wallaby Pl."} becomes {@code "7 wallaby place"}; blank becomes null. */
    public String street(String raw) {
        if (raw == null) {
            return null;
        }
        String street = Arrays.stream(NON_ALPHANUMERIC.split(Names.fold(raw)))
                .filter(token -> !token.isEmpty())
                .map(token -> abbreviations.getOrDefault(token, token))
                .collect(Collectors.joining(" "));
        return street.isEmpty() ? null : street;
    }

    /** Upper case, letters and digits only: {@code "sw1a 1aa"} becomes {@code "SW1A1AA"}. */
    public static String postcode(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = raw.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    /** A place name: like a person's name, without accents, case or punctuation. */
    public static String locality(String raw) {
        return Names.normalise(raw);
    }
}
