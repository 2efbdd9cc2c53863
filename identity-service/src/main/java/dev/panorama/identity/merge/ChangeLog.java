package dev.panorama.identity.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.merge.persistence.ChangeStore;
import dev.panorama.identity.merge.persistence.IdentityChangeEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes each change once, with the customers it involved (and, for a split or an undone merge, the customers it set
 * apart), and reads changes back.
 */
@ApplicationScoped
class ChangeLog {

    /** One side of a change as stored: a JSON object, since the reactive driver reads jsonb columns as objects. */
    record StoredSide(List<CustomerRecords> customers) {
    }

    private final ChangeStore changes;
    private final ObjectMapper json;

    ChangeLog(ChangeStore changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    Uni<Change> record(Change change) {
        IdentityChangeEntity entity = new IdentityChangeEntity();
        entity.id = change.id();
        entity.kind = change.kind().name();
        entity.actor = change.actor();
        entity.reason = change.reason();
        entity.probability = change.probability();
        entity.changedAt = change.at();
        entity.undoes = change.undoes();
        entity.beforeSides = write(change.before());
        entity.afterSides = write(change.after());
        return changes.persist(entity, change.customerIds())
                .call(() -> change.kind().setsApart() ? changes.keepApart(change.id(), customersAfter(change))
                        : Uni.createFrom().voidItem())
                .replaceWith(change);
    }

    private static List<UUID> customersAfter(Change change) {
        return change.after().stream().map(CustomerRecords::customerId).toList();
    }

    Change read(IdentityChangeEntity entity) {
        return new Change(entity.id, ChangeKind.valueOf(entity.kind), entity.actor, entity.reason, entity.probability,
                entity.changedAt, entity.undoes, read(entity.beforeSides), read(entity.afterSides));
    }

    /** The change with the source ids of these records (by record id) replaced; unchanged when it shows none of them. */
    void replaceSourceIds(IdentityChangeEntity entity, Map<UUID, String> sourceIdByRecord) {
        List<CustomerRecords> before = read(entity.beforeSides);
        List<CustomerRecords> after = read(entity.afterSides);
        List<CustomerRecords> beforeReplaced = replaced(before, sourceIdByRecord);
        List<CustomerRecords> afterReplaced = replaced(after, sourceIdByRecord);
        if (!beforeReplaced.equals(before) || !afterReplaced.equals(after)) {
            entity.beforeSides = write(beforeReplaced);
            entity.afterSides = write(afterReplaced);
        }
    }

    private static List<CustomerRecords> replaced(List<CustomerRecords> sides, Map<UUID, String> sourceIdByRecord) {
        return sides.stream().map(side -> new CustomerRecords(side.customerId(), side.records().stream()
                .map(record -> sourceIdByRecord.containsKey(record.recordId())
                        ? new RecordRef(record.recordId(), record.sourceSystem(), sourceIdByRecord.get(record.recordId()))
                        : record)
                .toList())).toList();
    }

    private List<CustomerRecords> read(String sides) {
        try {
            return json.readValue(sides, StoredSide.class).customers();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored change cannot be read", e);
        }
    }

    private String write(List<CustomerRecords> sides) {
        try {
            return json.writeValueAsString(new StoredSide(sides));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
