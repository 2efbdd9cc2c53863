package dev.panorama.interaction.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.interaction.ingest.NewInteraction;
import dev.panorama.interaction.ingest.OfferReferences;
import dev.panorama.interaction.ingest.ResponseNeed;
import dev.panorama.interaction.support.Contacts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The relay drops exactly the events Kafka acknowledged, of every document in one write; events queued meanwhile stay. */
@QuarkusTest
class PendingRemovalTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    // far in the future: the sweep leaves these events alone while the test runs
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(1));

    @Inject
    InteractionLog log;

    @Test
    void removesTheAcknowledgedEventsOfEachDocumentAndKeepsTheOthers() {
        Document first = withTwoEvents();
        Document second = withTwoEvents();
        Document untouched = withTwoEvents();
        log.insertNew(List.of(first, second, untouched)).await().atMost(WAIT);

        log.removePending(Map.of(id(first), List.of(eventIds(first).get(0)), id(second), eventIds(second)))
                .await().atMost(WAIT);

        assertThat(storedEventIds(first)).containsExactly(eventIds(first).get(1));
        assertThat(storedEventIds(second)).isEmpty();
        assertThat(storedEventIds(untouched)).containsExactlyElementsOf(eventIds(untouched));
    }

    private List<String> storedEventIds(Document document) {
        return InteractionDocuments.pendingEvents(log.byId(UUID.fromString(id(document))).await().atMost(WAIT)).stream()
                .map(PendingEvent::id).toList();
    }

    private static Document withTwoEvents() {
        UUID customerId = UUID.randomUUID();
        Interaction interaction = new NewInteraction(new ResponseNeed(Set.of("PHONE")), new OfferReferences("(OFR-\\d+)"))
                .of(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), LATER), UUID.randomUUID(), customerId,
                        Resolution.RESOLVED, LATER);
        List<PendingEvent> events = List.of(PendingEvent.of(NewInteraction.logged(interaction), customerId.toString(), LATER),
                PendingEvent.of(NewInteraction.logged(interaction), customerId.toString(), LATER));
        return InteractionDocuments.toDocument(interaction, UUID.randomUUID().toString(), "hash", events);
    }

    private static String id(Document document) {
        return document.getString(InteractionDocuments.ID);
    }

    private static List<String> eventIds(Document document) {
        return InteractionDocuments.pendingEvents(document).stream().map(PendingEvent::id).toList();
    }
}
