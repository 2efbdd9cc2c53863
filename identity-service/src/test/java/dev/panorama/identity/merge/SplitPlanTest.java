package dev.panorama.identity.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    private final UUID original = UUID.randomUUID();
    private final UUID created = UUID.randomUUID();
    private final RecordRef one = new RecordRef(UUID.randomUUID(), "crm", "1");
    private final RecordRef two = new RecordRef(UUID.randomUUID(), "billing", "2");
    private final RecordRef three = new RecordRef(UUID.randomUUID(), "erp", "3");

    @Test
    void theNamedRecordsGoToTheNewCustomerAndTheRestStay() {
        Sides sides = SplitPlan.of(original, created, List.of(one, two, three), List.of(two.recordId(), two.recordId()));

        assertThat(sides.before()).containsExactly(new CustomerRecords(original, List.of(one, two, three)));
        assertThat(sides.after()).containsExactly(new CustomerRecords(original, List.of(one, three)),
                new CustomerRecords(created, List.of(two)));
    }

    @Test
    void noRecordsAllRecordsOrAnotherCustomersRecordsAreRefused() {
        List<RecordRef> current = List.of(one, two);
        assertThatThrownBy(() -> SplitPlan.of(original, created, current, List.of()))
                .isInstanceOf(SplitRefused.class).hasMessageContaining("at least one record to move");
        assertThatThrownBy(() -> SplitPlan.of(original, created, current, List.of(one.recordId(), two.recordId())))
                .isInstanceOf(SplitRefused.class).hasMessageContaining("leave customer");
        UUID foreign = UUID.randomUUID();
        assertThatThrownBy(() -> SplitPlan.of(original, created, current, List.of(one.recordId(), foreign)))
                .isInstanceOf(SplitRefused.class).hasMessageContaining(foreign.toString());
    }
}
