package dev.panorama.interaction.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.kit.problem.Problem.FieldError;
import dev.panorama.interaction.resolution.Sender;
import dev.panorama.interaction.support.Contacts;
import dev.panorama.interaction.timeline.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The pure core of ingestion: rules, idempotency keys, response need, offer links, senders, cursors. */
class ContactCoreTest {

    private final ContactRules rules = new ContactRules(50);
    private final ResponseNeed responseNeed = new ResponseNeed(Set.of("PHONE", "CHAT", "VIDEO"));

    static ChannelMessage with(List<Participant> participants, String disposition, Direction direction, Channel channel) {
        return new ChannelMessage("s", "m", channel, direction, Instant.EPOCH, participants, null, null, null, List.of(), null, "i",
                List.of("x"), List.of(), null, disposition);
    }

    @Test
    void everyBrokenFieldIsNamedWithItsPath() {
        ChannelMessage broken = new ChannelMessage(" ", null, null, Direction.INBOUND, null,
                List.of(new Participant(ParticipantRole.AGENT, null, null, null), new Participant(ParticipantRole.FROM, "", null, null)),
                null, null, "x".repeat(51), List.of(new dev.panorama.events.channel.Attachment(null, "a/b", -1, "s3://x")), null, null,
                List.of(), List.of(""), null, null);

        assertThat(rules.violations(broken, false, "items[2].")).extracting(FieldError::field).containsExactlyInAnyOrder(
                "items[2].sourceSystem", "items[2].sourceMessageId", "items[2].channel", "items[2].occurredAt", "items[2].text",
                "items[2].tags[0]", "items[2].participants[0].agentId", "items[2].participants[1].address",
                "items[2].attachments[0].name", "items[2].attachments[0].sizeBytes");
        assertThat(rules.violations(Contacts.inbound(Channel.EMAIL, "a@b.c", Instant.now()), false, "")).isEmpty();
    }

    @Test
    void theIdempotencyKeyStandsInOnlyForAMissingMessageId() {
        ChannelMessage contact = Contacts.inbound(Channel.EMAIL, "a@b.c", Instant.now());
        assertThat(Idempotency.keyOf(contact, "k1")).isEqualTo(Idempotency.keyOf(contact, "k2"));
        ChannelMessage withoutId = IngestApiTest.withoutSourceMessageId(contact);
        assertThat(Idempotency.keyOf(withoutId, "k1")).isNotEqualTo(Idempotency.keyOf(withoutId, "k2"));
        assertThat(rules.violations(withoutId, true, "")).isEmpty();
    }

    @Property
    void sameSourceSameKeyOtherSourceOtherKey(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String system,
            @ForAll @StringLength(min = 1, max = 40) String messageId) {
        ChannelMessage one = new ChannelMessage(system, messageId, Channel.SMS, Direction.INBOUND, Instant.EPOCH, List.of(), null, null,
                null, List.of(), null, null, List.of(), List.of(), null, null);
        ChannelMessage sameAgain = new ChannelMessage(system, messageId, Channel.SMS, Direction.INBOUND, Instant.now(), List.of(), null,
                null, "other text", List.of(), null, null, List.of(), List.of(), null, null);
        ChannelMessage otherSystem = new ChannelMessage(system + "x", messageId, Channel.SMS, Direction.INBOUND, Instant.EPOCH, List.of(),
                null, null, null, List.of(), null, null, List.of(), List.of(), null, null);
        assertThat(Idempotency.keyOf(sameAgain, null)).isEqualTo(Idempotency.keyOf(one, null));
        assertThat(Idempotency.keyOf(otherSystem, null)).isNotEqualTo(Idempotency.keyOf(one, null));
        assertThat(Idempotency.contentHashOf(sameAgain)).isNotEqualTo(Idempotency.contentHashOf(one));
    }

    @Test
    void anUnansweredInboundContactWaitsLiveChannelsMostUrgently() {
        List<Participant> customerOnly = List.of(new Participant(ParticipantRole.FROM, "a@b.c", null, null));
        assertThat(responseNeed.hints(with(customerOnly, null, Direction.INBOUND, Channel.CHAT)).priorityHint()).isEqualTo(1);
        assertThat(responseNeed.hints(with(customerOnly, null, Direction.INBOUND, Channel.EMAIL)).priorityHint()).isEqualTo(3);
        assertThat(responseNeed.hints(with(customerOnly, null, Direction.INBOUND, Channel.EMAIL)).requiredSkills()).containsExactly("x");
        assertThat(responseNeed.needsResponse(with(customerOnly, null, Direction.OUTBOUND, Channel.EMAIL))).isFalse();
        assertThat(responseNeed.needsResponse(with(customerOnly, "ANSWERED", Direction.INBOUND, Channel.PHONE))).isFalse();
        List<Participant> withAgent = List.of(customerOnly.getFirst(), new Participant(ParticipantRole.AGENT, null, "agent-7", null));
        assertThat(responseNeed.needsResponse(with(withAgent, null, Direction.INBOUND, Channel.CHAT))).isFalse();
        assertThat(responseNeed.hints(with(withAgent, null, Direction.INBOUND, Channel.CHAT))).isNull();
    }

    @Test
    void aQuotedMailOutReferenceLinksTheOfferAndTheAdaptersOwnWins() {
        OfferReferences offers = new OfferReferences(
                "(?i)\\bref(?:erence)?(?:\\s*(?:no\\.?|number))?\\s*[:#]?\\s*((?:OFR|CMP)-[A-Z0-9]{3,20})\\b");
        ChannelMessage quoted = new ChannelMessage("s", "m", Channel.LETTER, Direction.INBOUND, Instant.EPOCH, List.of(), null,
                "About your letter", "I accept, reference number: ofr-77AB12. Thanks", List.of(), null, null, List.of(), List.of(), null, null);
        assertThat(offers.referenceOf(quoted)).isEqualTo("OFR-77AB12");
        ChannelMessage given = new ChannelMessage("s", "m", Channel.LETTER, Direction.INBOUND, Instant.EPOCH, List.of(), null,
                "Ref OFR-111", null, List.of(), null, null, List.of(), List.of(), "CMP-2025-SPRING", null);
        assertThat(offers.referenceOf(given)).isEqualTo("CMP-2025-SPRING");
        assertThat(offers.referenceOf(with(List.of(), null, Direction.INBOUND, Channel.EMAIL))).isNull();
    }

    @Test
    void theCustomersSideIsTheSenderInboundAndTheAddresseeOutbound() {
        List<Participant> both = List.of(new Participant(ParticipantRole.FROM, " Ann@Mail.Example ", null, "Ann"),
                new Participant(ParticipantRole.TO, "service@panorama.example", null, null));
        assertThat(Sender.of(with(both, null, Direction.INBOUND, Channel.EMAIL)).orElseThrow().recordKey()).isEqualTo("channel-email|ann@mail.example");
        assertThat(Sender.of(with(both, null, Direction.OUTBOUND, Channel.EMAIL)).orElseThrow().address()).isEqualTo("service@panorama.example");
        assertThat(Sender.of(with(List.of(), null, Direction.INBOUND, Channel.EMAIL))).isEmpty();
    }

    @Property
    void aCursorReadsBackAsWritten(@ForAll long millis) {
        Instant at = Instant.ofEpochMilli(Math.floorMod(millis, 4_102_444_800_000L));
        UUID id = Ids.timeOrdered(at.toEpochMilli());
        assertThat(Cursor.decode(new Cursor(at, id).encode())).isEqualTo(new Cursor(at, id));
        assertThat(id.version()).isEqualTo(7);
    }
}
