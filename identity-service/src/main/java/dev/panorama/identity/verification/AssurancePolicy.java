package dev.panorama.identity.verification;

import java.util.Map;

/** Decides the assurance level of one attempt from which asked factors matched; see {@link AssuranceLevel}. */
public final class AssurancePolicy {

    private AssurancePolicy() {
    }

    public static AssuranceLevel decide(Map<Factor, Boolean> matchedByFactor) {
        if (matchedByFactor.isEmpty() || matchedByFactor.containsValue(false)) {
            return AssuranceLevel.NONE;
        }
        long strong = matchedByFactor.keySet().stream().filter(Factor::strong).count();
        int matched = matchedByFactor.size();
        if (matched >= 2 && strong >= 1) {
            return AssuranceLevel.HIGH;
        }
        if (strong == 1 || matched >= 2) {
            return AssuranceLevel.MEDIUM;
        }
        return AssuranceLevel.LOW;
    }
}
