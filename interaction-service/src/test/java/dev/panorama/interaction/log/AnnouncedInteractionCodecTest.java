package dev.panorama.interaction.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.interaction.timeline.StoredInteractions;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Ingestion's documents are written by {@link AnnouncedInteractionCodec} instead of being built as a Document: for any
 * interaction the BSON is byte for byte what the Document of {@link InteractionDocuments#announced} and
 * {@link InteractionDocuments#position} encodes to, so every reader (timeline decoders, relay, sweeps, erasure) sees
 * exactly what it saw before.
 */
class AnnouncedInteractionCodecTest {

    private static final AnnouncedInteractionCodec CODEC = new AnnouncedInteractionCodec();

    @Property(tries = 300)
    void writesExactlyTheBytesOfTheAnnouncedDocument(@ForAll("announced") AnnouncedInteraction announced) {
        Document document = InteractionDocuments.announced(announced.interaction(), announced.dedupKey(), announced.contentHash(),
                announced.announcement());
        if (announced.relayStream() != null) {
            InteractionDocuments.position(document, announced.relayStream(), announced.relaySeq());
        }

        byte[] expected = bytes(new RawBsonDocument(document, new DocumentCodec()));
        assertThat(bytes(new RawBsonDocument(announced, CODEC))).isEqualTo(expected);
        assertThat(bytes(AnnouncedInteractionCodec.toBson(announced))).isEqualTo(expected);
    }

    /** Strings copied whole (ASCII) and strings written a character at a time (the rest) side by side in one document. */
    @Example
    void copiesAsciiStringsWholeAndWritesTheOthersAsTheDriverDoes() {
        Interaction interaction = StoredInteractions.interactions().sample();
        for (String text : List.of("plain ascii ~\u007f", "a NUL\u0000inside", "latin \u0080\u00ff", "an unpaired \ud800 surrogate",
                "\ud83d\ude00 emoji", "")) {
            PendingEvent event = new PendingEvent(text, "dev.panorama.interaction.logged", "panorama.interactions", "key",
                    Instant.ofEpochMilli(1_700_000_000_000L), text);
            AnnouncedInteraction announced = new AnnouncedInteraction(interaction, text, text, event).position(text, 7);

            writesExactlyTheBytesOfTheAnnouncedDocument(announced);
        }
    }

    @Property(tries = 100)
    void readsBackWhatItWrote(@ForAll("announced") AnnouncedInteraction announced) {
        AnnouncedInteraction read = new RawBsonDocument(announced, CODEC).decode(CODEC);

        assertThat(read.interaction()).isEqualTo(truncatedToMillis(announced.interaction()));
        assertThat(read.id()).isEqualTo(announced.id());
        assertThat(read.dedupKey()).isEqualTo(announced.dedupKey());
        assertThat(read.announcement()).isEqualTo(announced.announcement());
        assertThat(read.relayStream()).isEqualTo(announced.relayStream());
        assertThat(read.relaySeq()).isEqualTo(announced.relaySeq());
    }

    /** Positioned or not (the codec writes the position only once there is one), any dedup key, hash and event. */
    @Provide
    Arbitrary<AnnouncedInteraction> announced() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
        Arbitrary<PendingEvent> events = Combinators.combine(text, text, Arbitraries.longs().between(0, 4_000_000_000_000L))
                .as((id, payload, millis) -> new PendingEvent(id, "dev.panorama.interaction.logged", "panorama.interactions", id,
                        Instant.ofEpochMilli(millis), payload));
        Arbitrary<String> streams = text.injectNull(0.3);
        return Combinators.combine(StoredInteractions.interactions(), text, text.injectNull(0.1), events, streams,
                Arbitraries.longs().greaterOrEqual(0))
                .as((interaction, dedupKey, hash, event, stream, seq) -> {
                    AnnouncedInteraction announced = new AnnouncedInteraction(interaction, dedupKey, hash, event);
                    return stream == null ? announced : announced.position(stream, seq);
                });
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** BSON keeps milliseconds: what the old Document path stored as well. */
    private static Interaction truncatedToMillis(Interaction interaction) {
        return InteractionDocuments.toInteraction(new RawBsonDocument(InteractionDocuments.toDocument(interaction, "k", "h",
                List.of()), new DocumentCodec()).decode(new DocumentCodec()));
    }
}
