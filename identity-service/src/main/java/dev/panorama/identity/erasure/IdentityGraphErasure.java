package dev.panorama.identity.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventType;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.merge.ErasedSourcesInHistory;
import dev.panorama.identity.resolution.MatchEngine;
import dev.panorama.identity.resolution.SourceRecordKey;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity graph's share of an erasure. Every version of every source record of the customer keeps
 * only what makes history countable (source system, source id, version, times) and stops being current, so
 * nothing resolves or looks up to it again; its blocking keys go (from the index and from its row), and so do the explanations of its match
 * decisions (they hold no values, only how values compared, but that is still about the person) and its
 * events in the outbox: a channel's source id there is an address, and events not yet relayed would only
 * announce data that no longer exists ({@code CustomerErased}, added after this, says all there is to say). A source
 * id that is an address is replaced by a pseudonym, on the records and in the merges and splits that showed them.
 */
@ApplicationScoped
public class IdentityGraphErasure implements PersonalDataHolder {

    static final String NOTHING = "{}";
    static final String ERASED_CONTENT = "erased";

    private final ObjectMapper json;
    private final SourceIdPseudonyms pseudonyms;

    private final ErasedSourcesInHistory history;

    public IdentityGraphErasure(ObjectMapper json, MatchEngine engine, ErasedSourcesInHistory history) {
        this.json = json;
        this.pseudonyms = new SourceIdPseudonyms(engine.normaliser());
        this.history = history;
    }

    @Override
    public Uni<Void> eraseFor(UUID customerId) {
        return deleteBlockingKeys(customerId)
                .chain(() -> clearExplanations(customerId))
                .chain(() -> forgetEvents(customerId))
                .chain(() -> recordsOf(customerId))
                .call(IdentityGraphErasure::forgetPublishedRecords)
                .map(this::blank)
                .chain(pseudonymised -> history.replace(customerId, pseudonymised))
                .chain(() -> Panache.getSession().chain(session -> session.flush()));
    }

    private Uni<List<SourceRecordEntity>> recordsOf(UUID customerId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity where customerId = :customer order by version", SourceRecordEntity.class)
                .setParameter("customer", customerId)
                .getResultList());
    }

    /** @return the pseudonym now standing for the source id of each record version whose source id was personal */
    private Map<UUID, String> blank(List<SourceRecordEntity> records) {
        Map<String, String> replacedIds = new HashMap<>();
        for (SourceRecordEntity record : records) {
            if (!NOTHING.equals(record.payload) && pseudonyms.isPersonal(read(record.payload))) {
                replacedIds.putIfAbsent(record.sourceSystem + "\u0000" + record.sourceId, "erased-" + UUID.randomUUID());
            }
        }
        Map<UUID, String> pseudonymised = new HashMap<>();
        for (SourceRecordEntity record : records) {
            String replaced = replacedIds.get(record.sourceSystem + "\u0000" + record.sourceId);
            if (replaced != null) {
                record.sourceId = replaced;
                pseudonymised.put(record.id, replaced);
            }
            record.payload = NOTHING;
            record.normalised = NOTHING;
            record.contentHash = ERASED_CONTENT;
            record.current = false;
        }
        return pseudonymised;
    }

    private Uni<Void> deleteBlockingKeys(UUID customerId) {
        return execute("with listed as (select r.id, k.key from source_record r cross join unnest(r.blocking_keys) k(key)"
                + " where r.customer_id = ?1),"
                + " removed as (delete from blocking_key b using listed l where b.key = l.key and b.record_id = l.id)"
                + " update source_record set blocking_keys = cast(array[] as text[]) where customer_id = ?1 and cardinality(blocking_keys) > 0",
                customerId);
    }

    private Uni<Void> clearExplanations(UUID customerId) {
        return execute("update match_decision set explanation = null where explanation is not null and (customer_id = ?1"
                + " or record_id in (select id from source_record where customer_id = ?1))", customerId);
    }

    /**
     * A split not relayed yet stays: it is keyed by the customer split (erased now) but announces another, whose records
     * and contacts the other services would otherwise never move to it, and so erase with this customer's.
     */
    private Uni<Void> forgetEvents(UUID customerId) {
        return execute("delete from outbox_event where aggregate_id = ?1 and event_type <> '"
                + EventType.CUSTOMER_SPLIT.ceType() + "'", customerId);
    }

    /** The records identity published on panorama.source-records itself (received over REST or imports). */
    private static Uni<Void> forgetPublishedRecords(List<SourceRecordEntity> records) {
        List<UUID> keys = records.stream().map(r -> SourceRecordKey.of(r.sourceSystem, r.sourceId)).distinct().toList();
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> execute("delete from outbox_event where aggregate_id = ?1", key))
                .collect().last().replaceWithVoid();
    }

    private static Uni<Void> execute(String sql, UUID customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, customerId).executeUpdate())
                .replaceWithVoid();
    }

    private SourceRecord read(String payload) {
        try {
            return json.readValue(payload, SourceRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored source record cannot be read", e);
        }
    }
}
