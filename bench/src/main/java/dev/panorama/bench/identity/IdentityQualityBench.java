package dev.panorama.bench.identity;

import dev.panorama.bench.identity.LabelledRecords.Labelled;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.identity.matching.InMemoryIdentityGraph;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.PersonRecord;
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
 * baseline of normalising alone.
 */
public final class IdentityQualityBench {

    /** A labelled data set and the Duke configuration for it. */
    private record DataSet(String name, List<Labelled> records, String dukeConfig) {
    }

    /** Our engine's quality and speed on one data set. */
    private record Panorama(PairwiseQuality quality, double recordsPerSecond, double normalisePerSecond) {
    }

    private static final String BENCH = "identity-quality";

    private IdentityQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = LabelledRecords.dataDir();
        RecordNormaliser normaliser = RecordNormaliser.withDefaults("AU");
        List<DataSet> sets = List.of(
                new DataSet("febrl3 with soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), true), "febrl3-with-id.xml"),
                new DataSet("febrl3 without soc_sec_id", LabelledRecords.febrl(data.resolve("febrl3.csv"), false), "febrl3.xml"),
                new DataSet("fake_1000", LabelledRecords.fake1000(data.resolve("fake_1000.csv")), "fake_1000.xml"));
        resolveAll(sets.get(0).records(), normaliser); // JIT warm-up, not measured
        List<Panorama> ours = sets.stream().map(set -> panorama(set.records(), normaliser)).toList();
        // Duke only after all of ours, so that its JIT and garbage cannot slow our measurements.
        DukeBaseline.run(sets.get(0).dukeConfig(), sets.get(0).records()); // JIT warm-up, not measured
        for (int i = 0; i < sets.size(); i++) {
            DataSet set = sets.get(i);
            print(set.name(), ours.get(i), DukeBaseline.run(set.dukeConfig(), set.records()));
        }
    }

    private static Panorama panorama(List<Labelled> records, RecordNormaliser normaliser) {
        List<PersonRecord> normalised = records.stream().map(r -> normaliser.normalise(r.record())).toList();
        Map<String, String> personOfRecord = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            personOfRecord.put(normalised.get(i).recordId(), records.get(i).person());
        }
        double normaliseSeconds = timeNormalising(records, normaliser);

        InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
        long start = System.nanoTime();
        resolve(normalised, graph);
        double seconds = (System.nanoTime() - start) / 1e9;

        return new Panorama(PairwiseQuality.of(graph.customers().values(), personOfRecord),
                records.size() / seconds, records.size() / normaliseSeconds);
    }

    private static void print(String name, Panorama ours, DukeBaseline.Result duke) {
        System.out.printf("%s%n  %-10s %9s %9s %9s %10s%n", name, "engine", "precision", "recall", "F1", "records/s");
        row("panorama", ours.quality(), ours.recordsPerSecond());
        row("duke 1.2", duke.quality(), duke.recordsPerSecond());
        System.out.printf("  throughput panorama / duke x%.1f; normalise alone %,.0f records/s (resolve costs x%.1f)%n",
                ours.recordsPerSecond() / duke.recordsPerSecond(), ours.normalisePerSecond(),
                ours.normalisePerSecond() / ours.recordsPerSecond());
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

    private static void resolveAll(List<Labelled> records, RecordNormaliser normaliser) {
        resolve(records.stream().map(r -> normaliser.normalise(r.record())).toList(), new InMemoryIdentityGraph());
    }

    private static void resolve(List<PersonRecord> records, InMemoryIdentityGraph graph) {
        AtomicLong ids = new AtomicLong();
        Resolver resolver = new Resolver(graph, MatchModel.priors(), new TermFrequencies(), () -> "c" + ids.incrementAndGet());
        records.forEach(resolver::resolve);
    }

    private static double timeNormalising(List<Labelled> records, RecordNormaliser normaliser) {
        long start = System.nanoTime();
        records.forEach(r -> normaliser.normalise(r.record()));
        return (System.nanoTime() - start) / 1e9;
    }
}
