package dev.panorama.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.profile.folding.Contact;
import dev.panorama.profile.folding.Fact;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileFolding;
import dev.panorama.profile.folding.ProfileState;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Batches folded into the real MongoDB-wire server by compare-and-set, racing each other for the same profiles. */
@QuarkusTest
class ProfileStoreTest {

    private static final int ROUNDS = 20; // a lost race showed in 1 round of 15 on the MongoDB-wire server, so several run
    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    @Inject
    ProfileStore store;

    private final ProfileFolding folding = new ProfileFolding(500);

    @RepeatedTest(ROUNDS)
    void batchesRacingForTheSameNewAndExistingProfilesLoseNoFact() {
        List<UUID> customers = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        store.foldAll(batch(customers.subList(0, 10), "before"), folding::apply).await().atMost(Duration.ofSeconds(30));

        List<Uni<Void>> racing = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            racing.add(store.foldAll(batch(customers, "writer-" + writer), folding::apply));
        }
        Uni.join().all(racing).andFailFast().await().atMost(Duration.ofSeconds(60));

        for (UUID customer : customers) {
            int expected = customers.indexOf(customer) < 10 ? 7 : 6;
            ProfileDocument profile = store.load(customer).await().atMost(Duration.ofSeconds(5));
            assertThat(profile.state().interactions()).extracting(Contact::interactionId).as("remembered events %s",
                    profile.appliedEvents()).hasSize(expected);
        }
    }

    @Test
    void aBatchRedeliveredChangesNothing() {
        List<UUID> customers = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, List<Fact>> batch = batch(customers, "once");
        store.foldAll(batch, folding::apply).await().atMost(Duration.ofSeconds(30));
        long revision = store.load(customers.getFirst()).await().atMost(Duration.ofSeconds(5)).revision();

        store.foldAll(batch, folding::apply).await().atMost(Duration.ofSeconds(30));

        var again = store.load(customers.getFirst()).await().atMost(Duration.ofSeconds(5));
        assertThat(again.revision()).isEqualTo(revision);
        assertThat(again.state().interactions()).hasSize(1);
    }

    private static Map<UUID, List<Fact>> batch(List<UUID> customers, String writer) {
        Map<UUID, List<Fact>> batch = new LinkedHashMap<>();
        for (UUID customer : customers) {
            String id = writer + "-" + customer;
            batch.put(customer, List.of(new Fact(id, new ProfileState(null, null, null, null, null, null,
                    List.of(new Contact(id, new Contact.Logged(Channel.CHAT, Direction.INBOUND, T0, false, null, 1, null), null)), null))));
        }
        return batch;
    }
}
