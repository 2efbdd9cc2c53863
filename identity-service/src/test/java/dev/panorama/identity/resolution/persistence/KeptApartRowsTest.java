package dev.panorama.identity.resolution.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The statements answer a kept-apart pair once per reason (two rejections, a rejection and a split); it counts once. */
class KeptApartRowsTest {

    private final UUID record = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aNeighbourhoodKeepsEachPairOnceHoweverOftenItIsAnswered() {
        IdentityStore.Neighbourhood read = IdentityStore.Neighbourhood.of(List.of(
                new Object[] {"R", record.toString(), customer.toString(), "{}", true},
                pair(customer, other), pair(customer, other), pair(other, customer)));

        assertThat(read.neighbours()).hasSize(1);
        assertThat(read.keptApart()).containsExactlyInAnyOrder(List.of(customer, other), List.of(other, customer));
    }

    @Test
    void customersReadOnceLockedKeepEachPairOnceHoweverOftenItIsAnswered() {
        IdentityStore.CustomersNow now = IdentityStore.CustomersNow.of(
                List.<Object[]>of(new Object[] {customer.toString(), "ACTIVE"}, new Object[] {other.toString(), "ACTIVE"}),
                List.of(new Object[] {"R", record.toString(), null}, pair3(customer, other), pair3(customer, other)));

        assertThat(now.statuses()).isEqualTo(Map.of(customer, "ACTIVE", other, "ACTIVE"));
        assertThat(now.currentRecords()).isEqualTo(Set.of(record));
        assertThat(now.keptApart()).containsExactly(List.of(customer, other));
    }

    private static Object[] pair(UUID a, UUID b) {
        return new Object[] {"P", a.toString(), b.toString(), null, false};
    }

    private static Object[] pair3(UUID a, UUID b) {
        return new Object[] {"P", a.toString(), b.toString()};
    }
}
