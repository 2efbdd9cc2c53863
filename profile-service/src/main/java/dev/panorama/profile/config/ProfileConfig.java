package dev.panorama.profile.config;

import dev.panorama.profile.reading.ProfileRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Everything an operator can tune in the profile service, with the defaults a new installation starts from. */
@ConfigMapping(prefix = "panorama.profile")
public interface ProfileConfig {

    /**
     * The region (ISO 3166 code) whose numbers sources and agents write without a country code: {@code 07700 900123}
     * is then the same number as {@code +44 7700 900123}. As identity-service's
     * {@code panorama.identity.matching.default-phone-region}.
     */
    @WithDefault("GB")
    String defaultPhoneRegion();

    /** How many applied event ids each profile remembers to recognise a redelivery at once. */
    @WithDefault("500")
    int rememberedEvents();

    /** How often a profile update is retried when another writer changed the document in between. */
    @WithDefault("20")
    int conflictRetries();

    /** How many profile writes (and link, park, unpark requests) of one consumed batch are in flight at once. */
    @WithDefault("4")
    int writeConcurrency();

    /** The most profiles one bulk write of a batch carries. */
    @WithDefault("100")
    int profilesPerWrite();

    /** Tiers as name:minimum relationship value, highest first; the first reached applies. */
    @WithDefault("platinum:250000,gold:100000,silver:10000,standard:0")
    List<String> tiers();

    /** Relationship value from which a customer is in segment vip. */
    @WithDefault("100000")
    BigDecimal vipMinimumValue();

    /** An open complaint older than this puts the customer in segment at-risk. */
    @WithDefault("14d")
    Duration atRiskComplaintAge();

    /** How far back an offer counts as recent in the insights. */
    @WithDefault("30d")
    Duration recentOfferWindow();

    /** How long a closed case stays listed as recently closed. */
    @WithDefault("90d")
    Duration closedCaseWindow();

    /** How many recent orders and agents a profile lists. */
    @WithDefault("5")
    int recentItems();

    /** The most results one page of a search or of the audit log holds. */
    @WithDefault("50")
    int maxPageSize();

    /** The audit log of staff reads. */
    Audit audit();

    interface Audit {

        /** The most audit entries waiting to be stored; a staff read beyond it is refused (503) rather than unaudited. */
        @WithDefault("10000")
        int capacity();

        /** The most audit entries one bulk insert carries. */
        @WithDefault("500")
        int maxBatch();

        /** How many bulk inserts of audit entries are under way at once. */
        @WithDefault("2")
        int concurrentWrites();

        /** How long a staff read waits for its audit entry to be stored before it is refused (503). */
        @WithDefault("2s")
        Duration timeout();
    }

    default ProfileRules rules() {
        List<ProfileRules.Tier> tiers = tiers().stream().map(tier -> tier.split(":", 2))
                .map(parts -> new ProfileRules.Tier(parts[0].trim(), new BigDecimal(parts[1].trim()))).toList();
        return new ProfileRules(tiers, vipMinimumValue(), atRiskComplaintAge(), recentOfferWindow(), closedCaseWindow(),
                recentItems());
    }
}
