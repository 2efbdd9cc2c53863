package dev.panorama.identity.golden;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.resolution.MatchEngine;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The golden record as configured. Built at start, so a misspelt rule stops the service with a message
 * naming the property instead of surfacing on the first read.
 */
@Startup
@ApplicationScoped
public class GoldenRecords {

    private final Survivorship survivorship;

    public GoldenRecords(IdentityConfig config, MatchEngine engine) {
        IdentityConfig.Golden golden = config.golden();
        this.survivorship = new Survivorship(GoldenRules.of(golden.rules(), golden.defaultRule(), golden.sourceTrust()),
                engine.normaliser());
    }

    public GoldenRecord goldenRecord(Collection<ReceivedRecord> records) {
        return survivorship.goldenRecord(records);
    }

    public List<KnownIdentifier> identifiers(Collection<ReceivedRecord> records) {
        return Identifiers.of(records);
    }
}
