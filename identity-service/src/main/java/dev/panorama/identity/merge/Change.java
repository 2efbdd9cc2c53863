package dev.panorama.identity.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One merge, split or undo as it happened: who, when, why, and every customer it touched with the
 * records it held before and after.
 *
 * @param undoes the change this one reverses, for the undo kinds
 */
public record Change(UUID id, ChangeKind kind, String actor, String reason, Double probability, Instant at, UUID undoes,
        List<CustomerRecords> before, List<CustomerRecords> after) {

    public Change {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** A record that changed hands, and between which customers. */
    public record Move(RecordRef record, UUID fromCustomerId, UUID toCustomerId) {
    }

    /** The records whose customer differs between the two sides (by source, whatever their version). */
    public List<Move> moves() {
        Map<String, UUID> ownerBefore = owners(before);
        List<Move> moves = new ArrayList<>();
        for (CustomerRecords side : after) {
            for (RecordRef record : side.records()) {
                UUID from = ownerBefore.get(key(record));
                if (from != null && !from.equals(side.customerId())) {
                    moves.add(new Move(record, from, side.customerId()));
                }
            }
        }
        return moves;
    }

    /** Every customer on either side. */
    public Set<UUID> customerIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        before.forEach(side -> ids.add(side.customerId()));
        after.forEach(side -> ids.add(side.customerId()));
        return ids;
    }

    /** The records a customer held before the change; empty when it was not on that side. */
    public List<RecordRef> recordsBefore(UUID customerId) {
        return before.stream().filter(side -> side.customerId().equals(customerId)).findFirst()
                .map(CustomerRecords::records).orElse(List.of());
    }

    private static Map<String, UUID> owners(List<CustomerRecords> sides) {
        return sides.stream().flatMap(side -> side.records().stream().map(r -> Map.entry(key(r), side.customerId())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
    }

    static String key(RecordRef record) {
        return record.sourceSystem() + "\u0000" + record.sourceId();
    }
}
