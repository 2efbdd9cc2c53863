package dev.panorama.profile.reading;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The rules that turn facts into tiers, segments and insights (configurable, see ProfileConfig).
 *
 * @param tiers              tiers from the highest minimum relationship value down; the first one reached applies
 * @param vipMinimumValue    relationship value from which a customer is in segment {@code vip}
 * @param atRiskComplaintAge an open complaint older than this puts the customer in segment {@code at-risk}
 * @param recentOfferWindow  how far back an offer counts as recent
 * @param closedCaseWindow   how long a closed case stays in the profile's "recently closed"
 * @param recentItems        how many recent orders, agents and contacts the profile lists
 */
public record ProfileRules(List<Tier> tiers, BigDecimal vipMinimumValue, Duration atRiskComplaintAge,
        Duration recentOfferWindow, Duration closedCaseWindow, int recentItems) {

    public record Tier(String name, BigDecimal minimumValue) {
    }

    public static ProfileRules defaults() {
        return new ProfileRules(List.of(new Tier("platinum", new BigDecimal("250000")), new Tier("gold", new BigDecimal("100000")),
                new Tier("silver", new BigDecimal("10000")), new Tier("standard", BigDecimal.ZERO)),
                new BigDecimal("100000"), Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(90), 5);
    }
}
