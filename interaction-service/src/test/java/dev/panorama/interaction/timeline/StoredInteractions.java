package dev.panorama.interaction.timeline;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.interaction.RoutingHints;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionVersion;
import dev.panorama.interaction.log.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Interactions as they may be stored: every channel and outcome, absent optional parts, any Unicode text (for the log's tests too). */
public final class StoredInteractions {

    private StoredInteractions() {
    }

    /** Any Unicode text, astral planes included (no lone surrogates: UTF-8, and so BSON, cannot carry them). */
    static Arbitrary<String> text(int maxCodePoints) {
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMaxSize(maxCodePoints)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0, codePoints.size()));
    }

    static Arbitrary<String> optionalText(int maxCodePoints) {
        return text(maxCodePoints).injectNull(0.3);
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }

    static Arbitrary<UUID> uuids() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
    }

    static Arbitrary<List<String>> words() {
        return text(12).list().ofMaxSize(4);
    }

    static Arbitrary<Participant> participants() {
        return Combinators.combine(Arbitraries.of(ParticipantRole.class), optionalText(40), optionalText(12), optionalText(30))
                .as(Participant::new);
    }

    static Arbitrary<Attachment> attachments() {
        return Combinators.combine(optionalText(30), optionalText(20), Arbitraries.longs().between(0, Long.MAX_VALUE), optionalText(60))
                .as(Attachment::new);
    }

    static Arbitrary<RoutingHints> routingHints() {
        return Combinators.combine(optionalText(5), optionalText(20), words(), Arbitraries.integers().between(1, 5).injectNull(0.2))
                .as(RoutingHints::new).injectNull(0.4);
    }

    static Arbitrary<InteractionVersion> versions(int number) {
        return Combinators.combine(Arbitraries.of(InteractionVersion.Kind.class), instants(), optionalText(20), uuids().injectNull(0.3),
                        optionalText(20), words(), optionalText(200))
                .as((kind, at, by, customer, disposition, tags, note) -> new InteractionVersion(number, kind, at, by, customer, disposition,
                        tags, note));
    }

    static Arbitrary<List<InteractionVersion>> versionLists() {
        return Arbitraries.integers().between(0, 4).flatMap(count -> count == 0 ? Arbitraries.just(List.<InteractionVersion>of())
                : Combinators.combine(java.util.stream.IntStream.rangeClosed(1, count).mapToObj(StoredInteractions::versions).toList())
                        .as(List::copyOf));
    }

    static Arbitrary<ChannelMessage> contacts() {
        return Builders.withBuilder(ContactBuilder::new)
                .use(optionalText(20)).in(ContactBuilder::sourceSystem)
                .use(optionalText(40)).in(ContactBuilder::sourceMessageId)
                .use(Arbitraries.of(Channel.class)).in(ContactBuilder::channel)
                .use(Arbitraries.of(Direction.class)).in(ContactBuilder::direction)
                .use(instants()).in(ContactBuilder::occurredAt)
                .use(participants().list().ofMaxSize(4)).in(ContactBuilder::participants)
                .use(optionalText(40)).in(ContactBuilder::conversationId)
                .use(optionalText(80)).in(ContactBuilder::subject)
                .use(optionalText(300)).in(ContactBuilder::text)
                .use(attachments().list().ofMaxSize(3)).in(ContactBuilder::attachments)
                .use(optionalText(5)).in(ContactBuilder::language)
                .use(optionalText(20)).in(ContactBuilder::intent)
                .use(words()).in(ContactBuilder::requiredSkills)
                .use(words()).in(ContactBuilder::tags)
                .use(optionalText(20)).in(ContactBuilder::campaignReference)
                .use(optionalText(20)).in(ContactBuilder::disposition)
                .build(ContactBuilder::build);
    }

    public static Arbitrary<Interaction> interactions() {
        return Builders.withBuilder(InteractionBuilder::new)
                .use(uuids()).in(InteractionBuilder::id)
                .use(uuids().injectNull(0.3)).in(InteractionBuilder::customerId)
                .use(Arbitraries.of(Resolution.class)).in(InteractionBuilder::resolution)
                .use(optionalText(40)).in(InteractionBuilder::senderRecord)
                .use(contacts()).in(InteractionBuilder::contact)
                .use(optionalText(40)).in(InteractionBuilder::conversationId)
                .use(optionalText(20)).in(InteractionBuilder::campaignReference)
                .use(Arbitraries.of(true, false)).in(InteractionBuilder::needsResponse)
                .use(routingHints()).in(InteractionBuilder::routingHints)
                .use(instants()).in(InteractionBuilder::receivedAt)
                .use(versionLists()).in(InteractionBuilder::versions)
                .build(InteractionBuilder::build);
    }

    static final class ContactBuilder {
        private String sourceSystem;
        private String sourceMessageId;
        private Channel channel;
        private Direction direction;
        private Instant occurredAt;
        private List<Participant> participants;
        private String conversationId;
        private String subject;
        private String text;
        private List<Attachment> attachments;
        private String language;
        private String intent;
        private List<String> requiredSkills;
        private List<String> tags;
        private String campaignReference;
        private String disposition;

        ContactBuilder sourceSystem(String value) { sourceSystem = value; return this; }
        ContactBuilder sourceMessageId(String value) { sourceMessageId = value; return this; }
        ContactBuilder channel(Channel value) { channel = value; return this; }
        ContactBuilder direction(Direction value) { direction = value; return this; }
        ContactBuilder occurredAt(Instant value) { occurredAt = value; return this; }
        ContactBuilder participants(List<Participant> value) { participants = value; return this; }
        ContactBuilder conversationId(String value) { conversationId = value; return this; }
        ContactBuilder subject(String value) { subject = value; return this; }
        ContactBuilder text(String value) { text = value; return this; }
        ContactBuilder attachments(List<Attachment> value) { attachments = value; return this; }
        ContactBuilder language(String value) { language = value; return this; }
        ContactBuilder intent(String value) { intent = value; return this; }
        ContactBuilder requiredSkills(List<String> value) { requiredSkills = value; return this; }
        ContactBuilder tags(List<String> value) { tags = value; return this; }
        ContactBuilder campaignReference(String value) { campaignReference = value; return this; }
        ContactBuilder disposition(String value) { disposition = value; return this; }

        ChannelMessage build() {
            return new ChannelMessage(sourceSystem, sourceMessageId, channel, direction, occurredAt, participants, conversationId, subject,
                    text, attachments, language, intent, requiredSkills, tags, campaignReference, disposition);
        }
    }

    static final class InteractionBuilder {
        private UUID id;
        private UUID customerId;
        private Resolution resolution;
        private String senderRecord;
        private ChannelMessage contact;
        private String conversationId;
        private String campaignReference;
        private boolean needsResponse;
        private RoutingHints routingHints;
        private Instant receivedAt;
        private List<InteractionVersion> versions;

        InteractionBuilder id(UUID value) { id = value; return this; }
        InteractionBuilder customerId(UUID value) { customerId = value; return this; }
        InteractionBuilder resolution(Resolution value) { resolution = value; return this; }
        InteractionBuilder senderRecord(String value) { senderRecord = value; return this; }
        InteractionBuilder contact(ChannelMessage value) { contact = value; return this; }
        InteractionBuilder conversationId(String value) { conversationId = value; return this; }
        InteractionBuilder campaignReference(String value) { campaignReference = value; return this; }
        InteractionBuilder needsResponse(boolean value) { needsResponse = value; return this; }
        InteractionBuilder routingHints(RoutingHints value) { routingHints = value; return this; }
        InteractionBuilder receivedAt(Instant value) { receivedAt = value; return this; }
        InteractionBuilder versions(List<InteractionVersion> value) { versions = value; return this; }

        Interaction build() {
            return new Interaction(id, customerId, resolution, senderRecord, contact, conversationId, campaignReference, needsResponse,
                    routingHints, receivedAt, versions);
        }
    }
}
