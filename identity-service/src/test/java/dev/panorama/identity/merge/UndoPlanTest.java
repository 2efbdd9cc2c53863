package dev.panorama.identity.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.identity.resolution.persistence.CustomerEntity.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What goes back on an undo, and when an undo is no longer safe. */
class UndoPlanTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final RecordRef a1 = record("a1");
    private final RecordRef b1 = record("b1");
    private final RecordRef b2 = record("b2");
    private final RecordRef c1 = record("c1");

    @Test
    void aMergeMovesTheMergedRecordsToTheSurvivor() {
        Change merge = merge(a, Map.of(a, List.of(a1), b, List.of(b1, b2)));

        assertThat(merge.moves()).extracting(Change.Move::record).containsExactly(b1, b2);
        assertThat(merge.moves()).allSatisfy(move -> {
            assertThat(move.fromCustomerId()).isEqualTo(b);
            assertThat(move.toCustomerId()).isEqualTo(a);
        });
    }

    @Test
    void undoingAMergeGivesEachMergedCustomerExactlyItsRecordsAndLeavesLaterArrivalsWithTheSurvivor() {
        Change merge = merge(a, Map.of(a, List.of(a1), b, List.of(b1), c, List.of(c1)));
        RecordRef later = record("later");
        RecordRef b1v2 = new RecordRef(UUID.randomUUID(), b1.sourceSystem(), b1.sourceId()); // b1 got a new version since
        Map<UUID, CustomerState> now = Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1, b1v2, c1, later)),
                b, new CustomerState(b, Status.MERGED, a, List.of()),
                c, new CustomerState(c, Status.MERGED, a, List.of()));

        UndoPlan plan = UndoPlan.ofMerge(merge, now);

        assertThat(plan.reactivated()).containsExactlyInAnyOrder(b, c);
        assertThat(plan.retired()).isEmpty();
        assertThat(side(plan.sides().after(), a)).containsExactly(a1, later);
        assertThat(side(plan.sides().after(), b)).containsExactly(b1v2);
        assertThat(side(plan.sides().after(), c)).containsExactly(c1);
        assertThat(side(plan.sides().before(), a)).containsExactly(a1, b1v2, c1, later);
    }

    @Test
    void aMergeIsNotUndoneOnceTheSurvivorWasMergedAgain() {
        Change merge = merge(a, Map.of(a, List.of(a1), b, List.of(b1)));
        Map<UUID, CustomerState> now = Map.of(
                a, new CustomerState(a, Status.MERGED, c, List.of()),
                b, new CustomerState(b, Status.MERGED, a, List.of()));

        assertThatThrownBy(() -> UndoPlan.ofMerge(merge, now)).isInstanceOf(UndoRefused.class)
                .hasMessageContaining("merged into " + c);
    }

    @Test
    void aMergeIsNotUndoneOnceOneOfItsRecordsWasSplitOffAgain() {
        Change merge = merge(a, Map.of(a, List.of(a1), b, List.of(b1, b2)));
        Map<UUID, CustomerState> now = Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1, b1)),
                b, new CustomerState(b, Status.MERGED, a, List.of()));

        assertThatThrownBy(() -> UndoPlan.ofMerge(merge, now)).isInstanceOf(UndoRefused.class)
                .hasMessageContaining(b2.recordId().toString());
    }

    @Test
    void aMergedCustomerThatWasReactivatedOrErasedStopsTheUndo() {
        Change merge = merge(a, Map.of(a, List.of(a1), b, List.of(b1)));
        Map<UUID, CustomerState> now = Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1, b1)),
                b, new CustomerState(b, Status.ERASED, null, List.of()));

        assertThatThrownBy(() -> UndoPlan.ofMerge(merge, now)).isInstanceOf(UndoRefused.class)
                .hasMessageContaining("no longer merged");
    }

    @Test
    void undoingASplitMergesTheNewCustomerBackWithWhateverItHasNow() {
        Change split = split(a, b, List.of(a1), List.of(b1));
        Map<UUID, CustomerState> now = Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1)),
                b, new CustomerState(b, Status.ACTIVE, null, List.of(b1, c1)));

        UndoPlan plan = UndoPlan.ofSplit(split, now);

        assertThat(plan.retired()).containsExactly(b);
        assertThat(plan.survivorId()).isEqualTo(a);
        assertThat(side(plan.sides().after(), a)).containsExactly(a1, b1, c1);
        Change undo = undo(plan, split);
        assertThat(undo.moves()).extracting(Change.Move::record).containsExactly(b1, c1);
    }

    @Test
    void aSplitIsNotUndoneOnceItsNewCustomerWasMergedOrItsRecordsMovedOn() {
        Change split = split(a, b, List.of(a1), List.of(b1, b2));

        assertThatThrownBy(() -> UndoPlan.ofSplit(split, Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1)),
                b, new CustomerState(b, Status.MERGED, c, List.of())))).isInstanceOf(UndoRefused.class);
        assertThatThrownBy(() -> UndoPlan.ofSplit(split, Map.of(
                a, new CustomerState(a, Status.ACTIVE, null, List.of(a1)),
                b, new CustomerState(b, Status.ACTIVE, null, List.of(b1))))).isInstanceOf(UndoRefused.class)
                .hasMessageContaining(b2.recordId().toString());
        assertThatThrownBy(() -> UndoPlan.ofSplit(split, Map.of(
                a, new CustomerState(a, Status.MERGED, c, List.of()),
                b, new CustomerState(b, Status.ACTIVE, null, List.of(b1, b2))))).isInstanceOf(UndoRefused.class);
    }

    private Change merge(UUID survivor, Map<UUID, List<RecordRef>> records) {
        List<UUID> merged = new ArrayList<>(records.keySet().stream().filter(id -> !id.equals(survivor)).sorted().toList());
        Sides sides = MergePlan.of(survivor, merged, new HashMap<>(records));
        return new Change(UUID.randomUUID(), ChangeKind.MERGE, "dana", "same person", 0.9, Instant.now(), null, sides.before(),
                sides.after());
    }

    private Change split(UUID original, UUID created, List<RecordRef> kept, List<RecordRef> moved) {
        List<RecordRef> all = new ArrayList<>(kept);
        all.addAll(moved);
        Sides sides = SplitPlan.of(original, created, all, moved.stream().map(RecordRef::recordId).toList());
        return new Change(UUID.randomUUID(), ChangeKind.SPLIT, "dana", "two people", null, Instant.now(), null, sides.before(),
                sides.after());
    }

    private static Change undo(UndoPlan plan, Change original) {
        return new Change(UUID.randomUUID(), ChangeKind.SPLIT_UNDONE, "dana", "undone", null, Instant.now(), original.id(),
                plan.sides().before(), plan.sides().after());
    }

    private static List<RecordRef> side(List<CustomerRecords> sides, UUID customer) {
        return sides.stream().filter(s -> s.customerId().equals(customer)).findFirst().orElseThrow().records();
    }

    private static RecordRef record(String sourceId) {
        return new RecordRef(UUID.randomUUID(), "crm", sourceId);
    }
}
