package dev.panorama.routing.statistics;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Joins the task figures and the offer figures of each (key, bucket) into one row, ordered by key then time. */
public final class BucketTable {

    private BucketTable() {
    }

    private record Cell(String key, Instant start) {
    }

    public static List<Bucket> join(List<Bucket> taskFigures, List<Bucket> offerFigures) {
        Map<Cell, Bucket> cells = new LinkedHashMap<>();
        taskFigures.forEach(bucket -> cells.merge(new Cell(bucket.key(), bucket.start()), bucket, (a, b) -> a.withOffersOf(b)));
        offerFigures.forEach(bucket -> cells.merge(new Cell(bucket.key(), bucket.start()), bucket, Bucket::withOffersOf));
        return cells.values().stream()
                .sorted(Comparator.comparing(Bucket::key).thenComparing(Bucket::start))
                .toList();
    }
}
