package dev.panorama.identity.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves one record at a time, as records arrive: finds candidates through blocking keys, scores
 * them, links the record to the best customer above the link threshold, and merges other customers
 * it also matches unless merge protection keeps them apart.
 */
public final class Resolver {

    /** Blocking keys shared by more records than this are too common to find candidates with. */
    public static final int MAX_BLOCK_SIZE = 50;

    private final IdentityGraph graph;
    private final MatchScorer scorer;
    private final TermFrequencies frequencies;
    private final MergeProtection protection;
    private final Supplier<String> newCustomerId;

    public Resolver(IdentityGraph graph, MatchModel model, TermFrequencies frequencies, Supplier<String> newCustomerId) {
        this.graph = graph;
        this.frequencies = frequencies;
        this.scorer = new MatchScorer(model, frequencies);
        this.protection = new MergeProtection(graph);
        this.newCustomerId = newCustomerId;
    }

    public Resolution resolve(PersonRecord record) {
        Set<String> keys = BlockingKeys.of(record);
        List<MatchScore> bestPerCustomer = bestPerCustomer(record, graph.recordsSharingKeys(keys));
        Resolution resolution = decide(record, bestPerCustomer);
        graph.add(record, keys, resolution.customerId());
        frequencies.add(record);
        return resolution;
    }

    /**
     * A score above the link threshold links, unless merge protection sees another member of the
     * household (see {@link MergeProtection#allowsScoredLink}); so does the deterministic rule, an exact
     * match on an identifier that belongs to one customer only, unless the dates of birth clearly differ.
     * A pair kept apart so is at most a possible match for a steward.
     */
    private boolean links(PersonRecord record, MatchScore score) {
        String customer = graph.customerOf(score.otherRecordId());
        if (score.probability() >= scorer.model().linkThreshold() && protection.allowsScoredLink(record, customer)) {
            return true;
        }
        return score.levelOf(Comparison.UNIQUE_ID) == 0 && protection.allowsIdentifierLink(record, customer);
    }

    private List<MatchScore> bestPerCustomer(PersonRecord record, Set<String> candidates) {
        Map<String, MatchScore> best = new HashMap<>();
        for (String candidateId : candidates) {
            MatchScore score = scorer.score(record, graph.record(candidateId));
            best.merge(graph.customerOf(candidateId), score, (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        return best.values().stream().sorted(Comparator.comparingDouble(MatchScore::weight).reversed()).toList();
    }

    private Resolution decide(PersonRecord record, List<MatchScore> ranked) {
        MatchModel model = scorer.model();
        List<MatchScore> linked = ranked.stream().filter(score -> links(record, score)).toList();
        if (linked.isEmpty()) {
            boolean worthReview = !ranked.isEmpty() && ranked.getFirst().probability() >= model.reviewThreshold();
            return new Resolution(newCustomerId.get(), worthReview ? Resolution.Decision.POSSIBLE : Resolution.Decision.NEW,
                    ranked.isEmpty() ? null : ranked.getFirst(), List.of(), List.of());
        }
        String survivor = graph.customerOf(linked.getFirst().otherRecordId());
        List<String> merged = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (MatchScore other : linked.subList(1, linked.size())) {
            String customer = graph.customerOf(other.otherRecordId());
            if (protection.allowsMerge(survivor, customer)) {
                graph.merge(survivor, customer);
                merged.add(customer);
            } else {
                blocked.add(customer);
            }
        }
        return new Resolution(survivor, Resolution.Decision.MATCHED, linked.getFirst(), merged, blocked);
    }
}
