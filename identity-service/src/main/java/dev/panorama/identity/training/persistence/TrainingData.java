package dev.panorama.identity.training.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What EM and the term frequencies are estimated from: candidate pairs and value counts of the current records. */
@ApplicationScoped
public class TrainingData {

    /** A candidate pair: the normalised values of two current records that share a useful blocking key. */
    public record Pair(String first, String second) {
    }

    /** How many records carry a value in a field (the field as named in the normalised JSON). */
    public record TermCount(String field, String term, long count) {
    }

    public Uni<Long> currentRecords() {
        return Panache.getSession().chain(session -> session
                .createQuery("select count(*) from SourceRecordEntity where current = true", Long.class)
                .getSingleResult());
    }

    /**
     * Up to {@code limit} candidate pairs around a random sample of about {@code percent} % of the current
     * records: each sampled record with every record sharing a blocking key that is not over-common (as
     * resolution finds candidates).
     */
    public Uni<List<Pair>> candidatePairs(double percent, int limit, int maxPerKey) {
        String sql = "with sampled as (select id, blocking_keys from source_record tablesample bernoulli (?1) where current),"
                + " keys as (select k.key, s.id as record_id from sampled s cross join unnest(s.blocking_keys) k(key)),"
                + " blocks as (select k.key, k.record_id as sampled_id, o.record_id as other_id from keys k"
                + "   cross join lateral (select record_id from blocking_key where key = k.key limit " + (maxPerKey + 1) + ") o),"
                + " useful as (select key, sampled_id from blocks group by key, sampled_id having count(*) <= " + maxPerKey + "),"
                + " pairs as (select distinct b.sampled_id, b.other_id from blocks b"
                + "   join useful u on u.key = b.key and u.sampled_id = b.sampled_id where b.other_id <> b.sampled_id limit ?2)"
                + " select cast(a.normalised as text), cast(o.normalised as text) from pairs p"
                + " join source_record a on a.id = p.sampled_id join source_record o on o.id = p.other_id";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, percent).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(row -> new Pair((String) row[0], (String) row[1])).toList());
    }

    /** How many current records have a value in each of the fields. */
    public Uni<List<TermCount>> fieldTotals(List<String> fields) {
        String sql = "select f.field, count(*) from source_record r cross join unnest(cast(?1 as text[])) f(field)"
                + " where r.current and r.normalised ->> f.field is not null group by 1";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, fields.toArray(String[]::new)).getResultList())
                .map(rows -> rows.stream().map(row -> new TermCount((String) row[0], null, ((Number) row[1]).longValue())).toList());
    }

    /** Counts of every value seen at least twice in the given fields of current records. */
    public Uni<List<TermCount>> termCounts(List<String> fields) {
        String sql = "select f.field, r.normalised ->> f.field, count(*) from source_record r"
                + " cross join unnest(cast(?1 as text[])) f(field)"
                + " where r.current and r.normalised ->> f.field is not null"
                + " group by 1, 2 having count(*) > 1";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, fields.toArray(String[]::new)).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new TermCount((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList());
    }
}
