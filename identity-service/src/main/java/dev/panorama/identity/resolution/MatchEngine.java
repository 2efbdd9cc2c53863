package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.normalisation.RecordNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The matcher's state in this instance: the active model and the term frequencies of the records it
 * has resolved. (Term frequencies start empty at each start and grow with traffic; the exact-match
 * weights fall back to the model's u until then.)
 */
@ApplicationScoped
public class MatchEngine {

    private final MatchModel model = MatchModel.priors();
    private final TermFrequencies frequencies = new TermFrequencies();
    private final RecordNormaliser normaliser;

    public MatchEngine(@ConfigProperty(name = "panorama.identity.default-phone-region", defaultValue = "GB") String region) {
        this.normaliser = RecordNormaliser.withDefaults(region);
    }

    public MatchModel model() {
        return model;
    }

    public TermFrequencies frequencies() {
        return frequencies;
    }

    public RecordNormaliser normaliser() {
        return normaliser;
    }
}
