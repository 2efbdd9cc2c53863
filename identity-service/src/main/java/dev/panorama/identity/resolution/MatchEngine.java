package dev.panorama.identity.resolution;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.normalisation.Addresses;
import dev.panorama.identity.normalisation.Emails;
import dev.panorama.identity.normalisation.Phones;
import dev.panorama.identity.normalisation.RecordNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The matcher's state in this instance: the active model and the term frequencies. Both are loaded from
 * the store at start and after each training (see the training package); between trainings the
 * frequencies grow with the records this instance resolves.
 */
@ApplicationScoped
public class MatchEngine {

    private volatile MatchModel model = MatchModel.priors();
    private volatile TermFrequencies frequencies = new TermFrequencies();
    private final RecordNormaliser normaliser;

    public MatchEngine(IdentityConfig config) {
        IdentityConfig.Matching matching = config.matching();
        this.normaliser = new RecordNormaliser(new Emails(providerRules(matching.emailProviders())),
                new Phones(matching.defaultPhoneRegion()), Addresses.withDefaultRules(), matching.uniqueIdentifierTypes());
    }

    private static Map<String, Emails.ProviderRule> providerRules(Map<String, IdentityConfig.EmailProvider> providers) {
        return providers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, provider -> new Emails.ProviderRule(
                provider.getValue().ignoresDots(), provider.getValue().ignoresPlusTags(),
                provider.getValue().canonicalDomain().orElse(provider.getKey()))));
    }

    public MatchModel model() {
        return model;
    }

    public TermFrequencies frequencies() {
        return frequencies;
    }

    public void use(MatchModel activeModel) {
        this.model = activeModel;
    }

    public void use(TermFrequencies counted) {
        this.frequencies = counted;
    }

    public RecordNormaliser normaliser() {
        return normaliser;
    }
}
