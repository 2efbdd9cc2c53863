package dev.panorama.bench.identity;

import dev.panorama.bench.identity.LabelledRecords.Labelled;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.datasources.ColumnarDataSource;
import no.priv.garshol.duke.datasources.RecordBuilder;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.xml.sax.SAXException;

/**
 * Duke 1.2 (a Java record-linkage engine) on the same labelled records, one at a time in file order:
 * each record is deduplicated against all earlier ones in Duke's default in-memory Lucene database, and
 * every match Duke reports joins two clusters.
 */
final class DukeBaseline {

    /** The id property of every configuration under duke/. */
    private static final String ID = "ID";

    /** Pairwise quality and records per second of one run. */
    record Result(PairwiseQuality quality, double recordsPerSecond) {
    }

    private DukeBaseline() {
    }

    /** Runs Duke with the configuration {@code duke/<config>} from the classpath. */
    static Result run(String config, List<Labelled> records) throws IOException, SAXException {
        Configuration configuration = ConfigLoader.load("classpath:duke/" + config);
        // The configuration's csv source holds the column-to-property mapping and cleaners; records come from us.
        RecordBuilder builder = new RecordBuilder((ColumnarDataSource) configuration.getDataSources().iterator().next());
        // Cleaned before the clock starts, as our engine's records are normalised before it.
        List<Record> cleaned = records.stream().map(r -> clean(builder, r.record())).toList();
        Map<String, String> personOfRecord = records.stream()
                .collect(Collectors.toMap(r -> r.record().sourceId(), Labelled::person));

        Clusters clusters = new Clusters();
        Processor processor = new Processor(configuration);
        processor.addMatchListener(clusters);
        long start = System.nanoTime();
        cleaned.forEach(record -> processor.deduplicate(List.of(record)));
        double seconds = (System.nanoTime() - start) / 1e9;
        processor.close();
        return new Result(PairwiseQuality.of(clusters.of(personOfRecord.keySet()), personOfRecord), records.size() / seconds);
    }

    private static Record clean(RecordBuilder builder, SourceRecord source) {
        builder.newRecord();
        builder.addValue("id", source.sourceId());
        PersonName name = source.name();
        if (name != null) {
            builder.addValue("given", name.given());
            builder.addValue("family", name.family());
        }
        if (source.dateOfBirth() != null) {
            builder.addValue("birth", source.dateOfBirth().toString());
        }
        source.emails().forEach(email -> builder.addValue("email", email));
        source.identifiers().forEach(id -> builder.addValue(id.type(), id.value()));
        for (PostalAddress address : source.addresses()) {
            for (int i = 0; i < address.lines().size(); i++) {
                builder.addValue("line" + (i + 1), address.lines().get(i));
            }
            builder.addValue("locality", address.locality());
            builder.addValue("region", address.region());
            builder.addValue("postcode", address.postcode());
        }
        return builder.getRecord();
    }

    /** Union-find over the record ids Duke reports as matching. */
    private static final class Clusters extends AbstractMatchListener {

        private final Map<String, String> parent = new HashMap<>();

        @Override
        public void matches(Record r1, Record r2, double confidence) {
            parent.put(root(r1.getValue(ID)), root(r2.getValue(ID)));
        }

        Collection<Set<String>> of(Set<String> recordIds) {
            return recordIds.stream().collect(Collectors.groupingBy(this::root, Collectors.toSet())).values();
        }

        private String root(String id) {
            String up = parent.getOrDefault(id, id);
            if (up.equals(id)) {
                return id;
            }
            String root = root(up);
            parent.put(id, root);
            return root;
        }
    }
}
