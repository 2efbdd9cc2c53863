package dev.panorama.profile.materialising;

import static dev.panorama.profile.materialising.EventPublisher.publish;
import static dev.panorama.profile.materialising.MaterialisationTest.contact;
import static dev.panorama.profile.materialising.MaterialisationTest.link;
import static dev.panorama.profile.materialising.Profiles.awaitProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Merges and splits of customers merged before, as identity orders them and in the order they may arrive: each travels
 * keyed by its own customer, so on its own partition, and one made later may be applied first.
 */
@QuarkusTest
class ChainedMergesTest {

    private static final Instant T0 = Instant.parse("2026-05-02T09:00:00Z");

    @Test
    void aMergeIntoACustomerMergedSinceReachesTheLastSurvivorAndUndoingTheLaterMergeGivesTheMiddleOneBack() {
        UUID a = customerWithOrder("shop", "O-A");
        UUID b = customerWithOrder("crm", "O-B");
        UUID c = customerWithOrder("bank", "O-C");

        // identity merged A into B, then B into C: the later merge arrives first
        publish(c.toString(), merge(c, b));
        awaitProfile(c, p -> p.getList("recentOrders").size() == 2);
        publish(b.toString(), merge(b, a));

        var united = awaitProfile(c, p -> p.getList("recentOrders").size() == 3);
        assertThat(united.getList("recentOrders.orderId")).containsExactlyInAnyOrder("O-A", "O-B", "O-C");
        assertThat(awaitProfile(a, p -> p.getString("mergedInto") != null).getString("mergedInto")).isEqualTo(b.toString());
        assertThat(awaitProfile(b, p -> p.getString("mergedInto") != null).getString("mergedInto")).isEqualTo(c.toString());
        publish(a.toString(), contact(a, UUID.randomUUID(), Channel.SMS, T0));
        awaitProfile(c, p -> p.getInt("interactions.total") == 1);

        // undoing B into C: identity gives B back the records it held then, A's among them
        publish(c.toString(), new CustomerSplit(UUID.randomUUID(), c, b,
                List.of(new SourceRef("crm", number("crm", b)), new SourceRef("shop", number("shop", a))), "undo", "dana", T0));

        var restored = awaitProfile(b, p -> p.getString("mergedInto") == null && p.getList("recentOrders").size() == 2);
        assertThat(restored.getList("recentOrders.orderId")).containsExactlyInAnyOrder("O-A", "O-B");
        assertThat(awaitProfile(c, p -> p.getList("recentOrders").size() == 1).getList("recentOrders.orderId"))
                .containsExactly("O-C");
    }

    @Test
    void chainedMergesArrivingInIdentitysOrderReachTheLastSurvivorToo() {
        UUID a = customerWithOrder("shop", "O-A");
        UUID b = customerWithOrder("crm", "O-B");
        UUID c = customerWithOrder("bank", "O-C");

        publish(b.toString(), merge(b, a));
        awaitProfile(b, p -> p.getList("recentOrders").size() == 2);
        publish(c.toString(), merge(c, b));

        var united = awaitProfile(c, p -> p.getList("recentOrders").size() == 3);
        assertThat(united.getList("recentOrders.orderId")).containsExactlyInAnyOrder("O-A", "O-B", "O-C");
        assertThat(awaitProfile(a, p -> true).getString("mergedInto")).isEqualTo(b.toString());
        assertThat(awaitProfile(b, p -> true).getString("mergedInto")).isEqualTo(c.toString());
        publish(a.toString(), contact(a, UUID.randomUUID(), Channel.SMS, T0));
        awaitProfile(c, p -> p.getInt("interactions.total") == 1);
    }

    @Test
    void aMergeOvertakenByItsReverseLeavesNoLoopOfPointersAndLosesNothing() {
        UUID a = customerWithOrder("shop", "O-A");
        UUID b = customerWithOrder("crm", "O-B");
        publish(b.toString(), merge(b, a));
        awaitProfile(b, p -> p.getList("recentOrders").size() == 2);

        // identity undid A into B and merged B into A since; that merge overtakes the undo
        publish(a.toString(), merge(a, b));
        appliedUpTo(a.toString());

        for (UUID customer : List.of(a, b)) {
            JsonPath holder = live(customer);
            assertThat(holder).as("profile reached from %s", customer).isNotNull();
            assertThat(holder.getList("recentOrders.orderId")).containsExactlyInAnyOrder("O-A", "O-B");
        }
    }

    @Test
    void aSplitOfACustomerMergedSinceTakesTheRecordsFactsFromTheProfileHoldingItNow() {
        UUID original = customerWithOrder("crm", "O-1");
        link(original, "shop", number("shop", original));
        publish(number("shop", original), new OrderPlaced("shop", number("shop", original), "O-2", List.of(), BigDecimal.TEN, "EUR", T0));
        awaitProfile(original, p -> p.getList("recentOrders").size() == 2);
        UUID survivor = customerWithOrder("bank", "O-9");
        UUID split = UUID.randomUUID();

        // identity split the shop record off, then merged the original into the survivor: the merge arrives first
        publish(survivor.toString(), merge(survivor, original));
        awaitProfile(survivor, p -> p.getList("recentOrders").size() == 3);
        publish(original.toString(), new CustomerSplit(UUID.randomUUID(), original, split,
                List.of(new SourceRef("shop", number("shop", original))), "two people", "dana", T0));

        assertThat(awaitProfile(split, p -> p.getList("recentOrders").size() == 1).getList("recentOrders.orderId"))
                .containsExactly("O-2");
        assertThat(awaitProfile(survivor, p -> p.getList("recentOrders").size() == 2).getList("recentOrders.orderId"))
                .containsExactlyInAnyOrder("O-1", "O-9");
    }

    /** Passed before this change too; it guards the split above against taking the facts out of the profile they stay in. */
    @Test
    void aSplitOfACustomerMergedSinceIntoTheNewCustomerLeavesTheFactsWithIt() {
        UUID original = customerWithOrder("crm", "O-1");
        UUID split = customerWithOrder("shop", "O-2");

        // identity split the shop record off the original, then merged the original into the new customer
        publish(split.toString(), merge(split, original));
        awaitProfile(split, p -> p.getList("recentOrders").size() == 2);
        publish(original.toString(), new CustomerSplit(UUID.randomUUID(), original, split,
                List.of(new SourceRef("shop", number("shop", split))), "two people", "dana", T0));
        appliedUpTo(original.toString());

        assertThat(awaitProfile(split, p -> true).getList("recentOrders.orderId")).containsExactlyInAnyOrder("O-1", "O-2");
        assertThat(awaitProfile(original, p -> true).getString("mergedInto")).isEqualTo(split.toString());
    }

    private static UUID customerWithOrder(String system, String orderId) {
        UUID customer = UUID.randomUUID();
        link(customer, system, number(system, customer));
        publish(number(system, customer), new OrderPlaced(system, number(system, customer), orderId, List.of(), BigDecimal.ONE, "EUR", T0));
        awaitProfile(customer, p -> p.getList("recentOrders").size() == 1);
        return customer;
    }

    private static String number(String system, UUID customer) {
        return system + "-" + customer;
    }

    private static CustomersMerged merge(UUID survivor, UUID merged) {
        return new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.99, T0);
    }

    /** An identity event on the same key (so the same partition) shows once the events published before it were applied. */
    private static void appliedUpTo(String key) {
        UUID marker = UUID.randomUUID();
        publish(key, new RecordLinked(marker, new SourceRef("marker", marker.toString()), LinkDecision.NEW, 1.0, T0));
        awaitProfile(marker, p -> true);
    }

    /** The live profile a customer's pointers lead to, or null when they go round in a loop. */
    private static JsonPath live(UUID customer) {
        List<String> seen = new ArrayList<>();
        JsonPath profile = awaitProfile(customer, p -> true);
        while (profile.getString("mergedInto") != null) {
            String next = profile.getString("mergedInto");
            if (seen.contains(next)) {
                return null;
            }
            seen.add(next);
            profile = awaitProfile(UUID.fromString(next), p -> true);
        }
        return profile;
    }
}
