package dev.panorama.bench.identity;

import dev.panorama.bench.identity.LabelledRecords.Labelled;
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
 * order, in process (no database). Prints pairwise precision, recall and F1 with and without the
 * national id, and records per second beside the baseline of normalising alone.
 */
public final class IdentityQualityBench {

    private IdentityQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = LabelledRecords.dataDir();
        RecordNormaliser normaliser = RecordNormaliser.withDefaults("AU");
        resolveAll(LabelledRecords.febrl(data.resolve("febrl3.csv"), true), normaliser); // JIT warm-up, not measured
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
        double normaliseSeconds = timeNormalising(records, normaliser);

        InMemoryIdentityGraph graph = new InMemoryIdentityGraph();
        long start = System.nanoTime();
        resolve(normalised, graph);
        double seconds = (System.nanoTime() - start) / 1e9;

        PairwiseQuality quality = PairwiseQuality.of(graph.customers().values(), personOfRecord);
        System.out.printf("%-28s %s%n", name, quality);
        System.out.printf("%-28s resolve %,.0f records/s; normalise alone %,.0f records/s (resolve costs x%.1f)%n", "",
                records.size() / seconds, records.size() / normaliseSeconds, seconds / normaliseSeconds);
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
