package dev.panorama.identity.config;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.resolution.Explanation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types identity-service stores as JSON text through Jackson (normalised records, match explanations,
 * model probabilities keyed by comparison): open to reflection in native executables, where Quarkus
 * sees only REST signatures. Kept here so the matching core stays free of Quarkus.
 */
@RegisterForReflection(targets = { PersonRecord.class, Comparison.class, Explanation.class })
final class StoredJsonReflection {

    private StoredJsonReflection() {
    }
}
