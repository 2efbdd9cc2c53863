package dev.panorama.identity.golden;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The survivorship configuration, checked: a rule for every attribute and the source systems from the
 * most trusted to the least.
 */
public final class GoldenRules {

    private static final String PREFIX = "panorama.identity.golden.";

    private final Map<Attribute, Rule> rules;
    private final List<String> sourceTrust;

    private GoldenRules(Map<Attribute, Rule> rules, List<String> sourceTrust) {
        this.rules = rules;
        this.sourceTrust = sourceTrust;
    }

    /**
     * @param rules       rule name by attribute name, as configured ({@code email -> most-recent})
     * @param defaultRule the rule name for attributes without one
     * @throws IllegalArgumentException naming the property when an attribute or rule is unknown
     */
    public static GoldenRules of(Map<String, String> rules, String defaultRule, List<String> sourceTrust) {
        Rule fallback = rule(defaultRule, PREFIX + "default-rule");
        Map<Attribute, Rule> chosen = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            chosen.put(attribute, fallback);
        }
        rules.forEach((attributeName, ruleName) -> {
            String property = PREFIX + "rule." + attributeName;
            Attribute attribute = Attribute.named(attributeName).orElseThrow(() -> new IllegalArgumentException(
                    property + ": unknown attribute '" + attributeName + "'; the golden record has name, birth-date, email,"
                            + " phone and address"));
            chosen.put(attribute, rule(ruleName, property));
        });
        return new GoldenRules(Map.copyOf(chosen), List.copyOf(sourceTrust));
    }

    private static Rule rule(String name, String property) {
        String trimmed = name == null ? "" : name.trim();
        return Rule.named(trimmed).orElseThrow(() -> new IllegalArgumentException(
                property + ": unknown survivorship rule '" + trimmed + "'; use one of " + Rule.known()));
    }

    public Rule ruleFor(Attribute attribute) {
        return rules.get(attribute);
    }

    /** 0 for the most trusted system; systems not in the list rank after every listed one. */
    int trustRank(String sourceSystem) {
        int rank = sourceTrust.indexOf(sourceSystem);
        return rank < 0 ? sourceTrust.size() : rank;
    }
}
