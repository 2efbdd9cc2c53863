package dev.panorama.bench.identity;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.normalisation.Dates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The labelled data sets of ../shared/data/identity, read at run time, as source records with their true person. */
final class LabelledRecords {

    /** A source record and the label of the real person it describes. */
    record Labelled(SourceRecord record, String person) {
    }

    private static final Instant LOADED = Instant.parse("2026-01-01T00:00:00Z");

    private LabelledRecords() {
    }

    static Path dataDir() {
        String configured = System.getProperty("panorama.shared.dir");
        if (configured != null) {
            return Path.of(configured, "data", "identity");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/identity");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/data/identity not found: pass -Dpanorama.shared.dir=<shared>");
    }

    /** FEBRL 3: rec-N-org / rec-N-dup-K are the same person N. */
    static List<Labelled> febrl(Path file, boolean withNationalId) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).map(line -> febrlRecord(line.split(",", -1), withNationalId)).toList();
        }
    }

    private static Labelled febrlRecord(String[] f, boolean withNationalId) {
        String id = f[0].trim();
        List<Identifier> identifiers = withNationalId && !f[10].isBlank()
                ? List.of(new Identifier("national-id", f[10].trim(), null)) : List.of();
        PostalAddress address = new PostalAddress(List.of((f[3].trim() + " " + f[4].trim()).trim(), f[5].trim()),
                blankToNull(f[6]), blankToNull(f[8]), blankToNull(f[7]), null, null);
        SourceRecord record = new SourceRecord("febrl", id, LOADED, new PersonName(null, blankToNull(f[1]), null, blankToNull(f[2]), null),
                Dates.parse(f[9].trim()).orElse(null), List.of(), List.of(), List.of(address), identifiers);
        return new Labelled(record, id.split("-")[1]);
    }

    /** Splink's fake_1000: the cluster column names the person. */
    static List<Labelled> fake1000(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).map(line -> fakeRecord(line.split(",", -1))).toList();
        }
    }

    private static Labelled fakeRecord(String[] f) {
        List<PostalAddress> addresses = f[4].isBlank() ? List.of()
                : List.of(new PostalAddress(List.of(), f[4].trim(), null, null, null, null));
        List<String> emails = f[5].isBlank() ? List.of() : List.of(f[5].trim());
        SourceRecord record = new SourceRecord("fake", f[0], LOADED, new PersonName(null, blankToNull(f[1]), null, blankToNull(f[2]), null),
                Dates.parse(f[3].trim()).orElse(null), emails, List.of(), addresses, List.of());
        return new Labelled(record, f[6].trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
