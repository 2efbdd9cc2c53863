package dev.panorama.bench.identity;

import dev.panorama.bench.identity.LabelledRecords.Labelled;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.identity.matching.BlockingKeys;
import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.InMemoryIdentityGraph;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.normalisation.RecordNormaliser;
import dev.panorama.identity.training.ComparisonVector;
import dev.panorama.identity.training.ExpectationMaximisation;
import dev.panorama.identity.training.ModelCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quality with the prior model beside the model EM estimates from the same file's candidate pairs (labels
 * unused), with the service's training settings: what a scheduled training does to decisions.
 */
public final class ModelTrainingBench {

    private static final int MAX_ITERATIONS = 500;
    private static final double PRIOR_STRENGTH = 1000;

    private ModelTrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = LabelledRecords.dataDir();
        RecordNormaliser normaliser = RecordNormaliser.withDefaults("AU");
        run("febrl3 with soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), true), normaliser);
        run("febrl3 without soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), false), normaliser);
        run("fake_1000", LabelledRecords.fake1000(data.resolve("fake_1000.csv")), normaliser);
    }

    private static void run(String name, List<Labelled> records, RecordNormaliser normaliser) {
        List<PersonRecord> normalised = records.stream().map(r -> normaliser.normalise(r.record())).toList();
        Map<String, String> personOfRecord = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            personOfRecord.put(normalised.get(i).recordId(), records.get(i).person());
        }
        List<ComparisonVector> pairs = candidatePairs(normalised);
        long start = System.nanoTime();
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(MAX_ITERATIONS, PRIOR_STRENGTH)
                .estimate(pairs, MatchModel.priors());
        double millis = (System.nanoTime() - start) / 1e6;
        PairwiseQuality withPriors = quality(normalised, MatchModel.priors(), personOfRecord);
        MatchModel trained = ModelCheck.withoutUninformativeLocations(estimate.model()); // as the service stores it
        PairwiseQuality afterEm = quality(normalised, trained, personOfRecord);
        System.out.printf("%-28s priors   %s%n", name, withPriors);
        System.out.printf("%-28s after EM %s%n", "", afterEm);
        BenchResults.figure("identity-training", name + ": F1 after EM", afterEm.f1(), "F1", "F1 with the priors",
                withPriors.f1(), Figure.Better.HIGHER, "");
        BenchResults.figure("identity-training", name + ": EM time", millis, "ms", Figure.Better.LOWER);
        List<Comparison> leftOut = trained.fieldsLeftOut();
        System.out.printf("%-28s EM on %,d candidate pairs: %d iterations (converged %s), %.0f ms; left out: %s; check: %s%n", "",
                pairs.size(), estimate.iterations(), estimate.converged(), millis, leftOut.isEmpty() ? "none" : leftOut,
                ModelCheck.problems(trained).isEmpty() ? "plausible" : ModelCheck.problems(trained));
    }

    /** Every pair a record meets through blocking as the file is fed in order: what the service samples from. */
    private static List<ComparisonVector> candidatePairs(List<PersonRecord> records) {
        InMemoryIdentityGraph index = new InMemoryIdentityGraph();
        List<ComparisonVector> pairs = new ArrayList<>();
        for (PersonRecord record : records) {
            Set<String> keys = BlockingKeys.of(record);
            for (String other : index.recordsSharingKeys(keys)) {
                pairs.add(ComparisonVector.of(record, index.record(other)));
            }
            index.add(record, keys, record.recordId());
        }
        return pairs;
    }

    private static PairwiseQuality quality(List<PersonRecord> records, MatchModel model, Map<String, String> personOfRecord) {
        InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
        AtomicLong ids = new AtomicLong();
        Resolver resolver = new Resolver(graph, model, new TermFrequencies(), () -> "c" + ids.incrementAndGet());
        records.forEach(resolver::resolve);
        return PairwiseQuality.of(graph.customers().values(), personOfRecord);
    }
}
