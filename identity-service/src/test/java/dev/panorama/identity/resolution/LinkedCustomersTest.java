package dev.panorama.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.matching.Resolution;
import dev.panorama.identity.resolution.persistence.IdentityStore.CustomersNow;
import dev.panorama.identity.resolution.persistence.IdentityStore.Neighbour;
import dev.panorama.identity.resolution.persistence.IdentityStore.Neighbourhood;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkedCustomersTest {

    private final UUID matched = UUID.randomUUID();
    private final UUID absorbed = UUID.randomUUID();
    private final UUID bystander = UUID.randomUUID();
    private final UUID matchedRecord = UUID.randomUUID();
    private final UUID absorbedRecord = UUID.randomUUID();
    private final UUID bystanderRecord = UUID.randomUUID();
    private final Neighbourhood read = new Neighbourhood(List.of(
            new Neighbour(matchedRecord, matched, "{}", true),
            new Neighbour(absorbedRecord, absorbed, "{}", true),
            new Neighbour(bystanderRecord, bystander, "{}", false)),
            Set.of(List.of(matched, bystander), List.of(bystander, matched)));

    @Test
    void aNewCustomerLinksNoneAndNeedsNoLock() {
        assertThat(LinkedCustomers.of(resolution(Resolution.Decision.NEW, List.of()), read).none()).isTrue();
        assertThat(LinkedCustomers.of(resolution(Resolution.Decision.POSSIBLE, List.of()), read).none()).isTrue();
    }

    @Test
    void aMatchLinksItsCustomerAndThoseItMergesWithTheRecordsTheDecisionRead() {
        LinkedCustomers linked = LinkedCustomers.of(resolution(Resolution.Decision.MATCHED, List.of(absorbed)), read);

        assertThat(linked.customers()).containsExactlyInAnyOrder(matched, absorbed);
        assertThat(linked.records()).containsExactlyInAnyOrder(matchedRecord, absorbedRecord);
        assertThat(linked.keptApart()).as("a pair with a customer not linked does not count").isEmpty();
    }

    @Test
    void theDecisionHoldsWhileItsCustomersAreActiveWithTheSameRecords() {
        LinkedCustomers linked = LinkedCustomers.of(resolution(Resolution.Decision.MATCHED, List.of(absorbed)), read);

        assertThat(linked.stillHold(now(Map.of(matched, "ACTIVE", absorbed, "ACTIVE"),
                Set.of(matchedRecord, absorbedRecord), List.of(List.of(matched, bystander))))).isTrue();
    }

    @Test
    void aStewardsMergeSplitOrRejectionCommittedSinceTheReadUndoesTheDecision() {
        LinkedCustomers linked = LinkedCustomers.of(resolution(Resolution.Decision.MATCHED, List.of(absorbed)), read);
        Map<UUID, String> active = Map.of(matched, "ACTIVE", absorbed, "ACTIVE");
        Set<UUID> records = Set.of(matchedRecord, absorbedRecord);

        assertThat(linked.stillHold(now(Map.of(matched, "ACTIVE", absorbed, "MERGED"), records, List.of())))
                .as("merged away").isFalse();
        assertThat(linked.stillHold(now(Map.of(matched, "ERASED", absorbed, "ACTIVE"), records, List.of())))
                .as("erased").isFalse();
        assertThat(linked.stillHold(now(Map.of(matched, "ACTIVE"), records, List.of())))
                .as("not found").isFalse();
        assertThat(linked.stillHold(now(active, Set.of(matchedRecord), List.of())))
                .as("a record split off").isFalse();
        assertThat(linked.stillHold(now(active, Set.of(matchedRecord, absorbedRecord, bystanderRecord), List.of())))
                .as("another customer merged in").isFalse();
        assertThat(linked.stillHold(now(active, records, List.of(List.of(absorbed, matched)))))
                .as("the two kept apart").isFalse();
    }

    private Resolution resolution(Resolution.Decision decision, List<UUID> merged) {
        return new Resolution(decision == Resolution.Decision.MATCHED ? matched.toString() : UUID.randomUUID().toString(),
                decision, null, merged.stream().map(UUID::toString).toList(), List.of());
    }

    private static CustomersNow now(Map<UUID, String> statuses, Set<UUID> records, List<List<UUID>> rejected) {
        return new CustomersNow(statuses, records, Set.copyOf(rejected));
    }
}
