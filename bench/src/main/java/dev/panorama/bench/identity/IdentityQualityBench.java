package dev.panorama.bench.identity;

import dev.panorama.bench.Median;
import dev.panorama.bench.identity.LabelledRecords.Labelled;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.identity.matching.InMemoryIdentityGraph;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identity resolution quality and engine speed on the labelled data sets, one record at a time in file
 * order, in process (no database). Prints, per data set, pairwise precision, recall, F1 and records per
 * second of our engine beside Duke 1.2 on the same records, with and without the national id, and the
 * baseline of normalising alone. Like Duke, which cleans each record before it compares, our engine is timed from the
 * source record to the decision: normalising, blocking, scoring, linking.
 *
 * <p>The engine's speed is its steady state, as in a service that has been running a while: every data set is
 * resolved {@value #WARM_UP_PASSES} times, in turns, before anything is measured (the very first pass, with the JIT still
 * interpreting, is printed beside), and each data set's figure is the median of {@value #MEASURED_PASSES} passes,
 * each into an empty store. A single pass takes a fraction of a second (fake_1000 some 30 ms), so one pass alone swings
 * with whatever else the machine does in that moment. Warmed up on FEBRL3 alone, fake_1000 (fields FEBRL3 lacks) came out
 * at 18,242 and 31,618 records/s in two runs of one build, against 76,358-79,182 once it was warmed up too.
 */
public final class IdentityQualityBench {

    /** A labelled data set and the Duke configuration for it. */
    private record DataSet(String name, List<Labelled> records, String dukeConfig) {
    }

    /** Our engine's quality and speed on one data set. */
    private record Panorama(PairwiseQuality quality, double recordsPerSecond, double normalisePerSecond) {
    }

    private static final String BENCH = "identity-quality";
    private static final int WARM_UP_PASSES = 20;
    private static final int MEASURED_PASSES = 15;

    private IdentityQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = LabelledRecords.dataDir();
        RecordNormaliser normaliser = RecordNormaliser.withDefaults("AU");
        List<DataSet> sets = List.of(
                new DataSet("febrl3 with soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), true), "febrl3-with-id.xml"),
                new DataSet("febrl3 without soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), false), "febrl3.xml"),
                new DataSet("fake_1000", LabelledRecords.fake1000(data.resolve("fake_1000.csv")), "fake_1000.xml"));
        double coldPass = warmUp(sets.stream().map(DataSet::records).toList(), normaliser);
        System.out.printf("warm-up: %d passes of each data set, not measured; the first of %s, with the JIT still interpreting:"
                + " %,.0f records/s%n", WARM_UP_PASSES, sets.get(0).name(), coldPass);
        List<Panorama> ours = sets.stream().map(set -> panorama(set.records(), normaliser)).toList();
        // Duke only after all of ours, so that its JIT and garbage cannot slow our measurements.
        DukeBaseline.run(sets.get(0).dukeConfig(), sets.get(0).records()); // JIT warm-up, not measured
        for (int i = 0; i < sets.size(); i++) {
            DataSet set = sets.get(i);
            print(set.name(), ours.get(i), DukeBaseline.run(set.dukeConfig(), set.records()));
        }
    }

    private static Panorama panorama(List<Labelled> records, RecordNormaliser normaliser) {
        Map<String, String> personOfRecord = new HashMap<>();
        records.forEach(r -> personOfRecord.put(normaliser.normalise(r.record()).recordId(), r.person()));
        InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
        double[] engine = new double[MEASURED_PASSES];
        double[] normalising = new double[MEASURED_PASSES];
        engine[0] = records.size() / resolve(records, normaliser, graph);
        normalising[0] = records.size() / normalise(records, normaliser);
        for (int pass = 1; pass < MEASURED_PASSES; pass++) {
            engine[pass] = records.size() / resolve(records, normaliser, new InMemoryIdentityGraph());
            normalising[pass] = records.size() / normalise(records, normaliser);
        }
        return new Panorama(PairwiseQuality.of(graph.customers().values(), personOfRecord), Median.of(engine), Median.of(normalising));
    }

    private static void print(String name, Panorama ours, DukeBaseline.Result duke) {
        System.out.printf("%s%n  %-10s %9s %9s %9s %10s%n", name, "engine", "precision", "recall", "F1", "records/s");
        row("panorama", ours.quality(), ours.recordsPerSecond());
        row("duke 1.2", duke.quality(), duke.recordsPerSecond());
        System.out.printf("  throughput panorama / duke x%.1f; panorama normalises and resolves each record (median of %d passes);"
                + " normalising alone %,.0f records/s%n", ours.recordsPerSecond() / duke.recordsPerSecond(), MEASURED_PASSES,
                ours.normalisePerSecond());
        BenchResults.figure(BENCH, name + ": F1", ours.quality().f1(), "F1", "Duke 1.2 F1", duke.quality().f1(), Figure.Better.HIGHER, "");
        BenchResults.figure(BENCH, name + ": precision", ours.quality().precision(), "", "Duke 1.2 precision",
                duke.quality().precision(), Figure.Better.HIGHER, "");
        BenchResults.figure(BENCH, name + ": recall", ours.quality().recall(), "", "Duke 1.2 recall", duke.quality().recall(),
                Figure.Better.HIGHER, "");
        BenchResults.figure(BENCH, name + ": engine throughput", ours.recordsPerSecond(), "records/s", "Duke 1.2",
                duke.recordsPerSecond(), Figure.Better.HIGHER, ">= 20,000 records/s on 2 cores");
    }

    private static void row(String engine, PairwiseQuality quality, double recordsPerSecond) {
        System.out.printf("  %-10s %9.4f %9.4f %9.4f %,10.0f%n", engine, quality.precision(), quality.recall(), quality.f1(),
                recordsPerSecond);
    }

    /** Resolves each data set {@value #WARM_UP_PASSES} times, in turns; answers the records per second of the first pass. */
    private static double warmUp(List<List<Labelled>> sets, RecordNormaliser normaliser) {
        double first = sets.getFirst().size() / resolve(sets.getFirst(), normaliser, new InMemoryIdentityGraph());
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (List<Labelled> records : sets) {
                resolve(records, normaliser, new InMemoryIdentityGraph());
            }
        }
        return first;
    }

    /** Normalises and resolves the records into the graph, one at a time in file order; answers the seconds it took. */
    private static double resolve(List<Labelled> records, RecordNormaliser normaliser, InMemoryIdentityGraph graph) {
        AtomicLong ids = new AtomicLong();
        Resolver resolver = new Resolver(graph, MatchModel.priors(), new TermFrequencies(), () -> "c" + ids.incrementAndGet());
        long start = System.nanoTime();
        records.forEach(r -> resolver.resolve(normaliser.normalise(r.record())));
        return (System.nanoTime() - start) / 1e9;
    }

    private static double normalise(List<Labelled> records, RecordNormaliser normaliser) {
        long start = System.nanoTime();
        records.forEach(r -> normaliser.normalise(r.record()));
        return (System.nanoTime() - start) / 1e9;
    }
}
