package dev.panorama.identity.merge;

import dev.panorama.identity.resolution.persistence.CustomerEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What undoing a merge or a split does, and whether it is still safe given what happened since. An
 * undo only reverses what the change did: records that reached a customer later stay where they are,
 * and when a later change moved the same records or customers again, the undo is refused rather than
 * guessed at.
 *
 * @param reactivated customers that become active again (the merged customers of an undone merge)
 * @param retired     customers merged away (the new customer of an undone split), into {@code survivorId}
 */
record UndoPlan(Sides sides, List<UUID> reactivated, List<UUID> retired, UUID survivorId) {

    /** Each merged customer gets back exactly the records it had before the merge. */
    static UndoPlan ofMerge(Change merge, Map<UUID, CustomerState> now) {
        UUID survivorId = merge.after().getFirst().customerId();
        CustomerState survivor = now.get(survivorId);
        if (!survivor.active()) {
            throw new UndoRefused("customer " + survivorId + " has since been " + gone(survivor) + "; undo that first");
        }
        List<CustomerRecords> after = new ArrayList<>();
        List<RecordRef> staying = new ArrayList<>(survivor.records());
        List<UUID> merged = merge.before().stream().map(CustomerRecords::customerId).filter(id -> !id.equals(survivorId)).toList();
        for (UUID mergedId : merged) {
            CustomerState customer = now.get(mergedId);
            if (customer.status() != CustomerEntity.Status.MERGED || !survivorId.equals(customer.mergedInto())) {
                throw new UndoRefused("customer " + mergedId + " is no longer merged into " + survivorId);
            }
            List<RecordRef> returning = new ArrayList<>();
            for (RecordRef record : merge.recordsBefore(mergedId)) {
                RecordRef current = currentVersion(survivor, record).orElseThrow(() -> new UndoRefused("record "
                        + record.recordId() + " has left customer " + survivorId + " since the merge; undo that first"));
                returning.add(current);
                staying.removeIf(r -> Change.key(r).equals(Change.key(record)));
            }
            after.add(new CustomerRecords(mergedId, returning));
        }
        after.addFirst(new CustomerRecords(survivorId, staying));
        return new UndoPlan(new Sides(List.of(new CustomerRecords(survivorId, survivor.records())), after), merged, List.of(),
                survivorId);
    }

    /** The split's records go back to the original customer, with any that reached the new customer since. */
    static UndoPlan ofSplit(Change split, Map<UUID, CustomerState> now) {
        UUID originalId = split.before().getFirst().customerId();
        UUID newId = split.after().stream().map(CustomerRecords::customerId).filter(id -> !id.equals(originalId))
                .findFirst().orElseThrow();
        CustomerState original = now.get(originalId);
        CustomerState carvedOut = now.get(newId);
        for (CustomerState customer : List.of(original, carvedOut)) {
            if (!customer.active()) {
                throw new UndoRefused("customer " + customer.id() + " has since been " + gone(customer) + "; undo that first");
            }
        }
        for (RecordRef record : split.after().stream().filter(s -> s.customerId().equals(newId)).findFirst().orElseThrow().records()) {
            if (!carvedOut.holds(record)) {
                throw new UndoRefused("record " + record.recordId() + " has left customer " + newId + " since the split; undo that first");
            }
        }
        List<RecordRef> together = new ArrayList<>(original.records());
        together.addAll(carvedOut.records());
        return new UndoPlan(new Sides(List.of(new CustomerRecords(originalId, original.records()),
                new CustomerRecords(newId, carvedOut.records())), List.of(new CustomerRecords(originalId, together))),
                List.of(), List.of(newId), originalId);
    }

    private static Optional<RecordRef> currentVersion(CustomerState customer, RecordRef record) {
        return customer.records().stream().filter(r -> Change.key(r).equals(Change.key(record))).findFirst();
    }

    private static String gone(CustomerState customer) {
        return customer.status() == CustomerEntity.Status.ERASED ? "erased" : "merged into " + customer.mergedInto();
    }
}
