package dev.panorama.identity.golden;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A survivorship rule: which of the values the sources disagree on the golden record shows. */
public enum Rule {
    /** The value sent by the source system highest in the trust list. */
    MOST_TRUSTED_SOURCE("most-trusted-source"),
    /** The value received last. */
    MOST_RECENT("most-recent"),
    /** The value sent by the most source records. */
    MOST_FREQUENT("most-frequent");

    private final String configName;

    Rule(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Optional<Rule> named(String name) {
        return Arrays.stream(values()).filter(rule -> rule.configName.equals(name)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Rule::configName).collect(Collectors.joining(", "));
    }
}
