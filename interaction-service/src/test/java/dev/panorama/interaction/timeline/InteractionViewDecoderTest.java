package dev.panorama.interaction.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.PendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * A page decodes MongoDB's BSON straight into the view: whatever is stored, it shows exactly what the view of the
 * stored interaction read the old way (Document, then Interaction, then view) shows, from only the fields it asks for.
 */
class InteractionViewDecoderTest {

    /** Top-level fields an older or erased document may lack; the others every stored interaction has. */
    private static final List<String> OPTIONAL = List.of(InteractionDocuments.CUSTOMER_ID, "sourceSystem", "sourceMessageId",
            InteractionDocuments.RECEIVED_AT, InteractionDocuments.CONVERSATION_ID, InteractionDocuments.SUBJECT, InteractionDocuments.TEXT,
            InteractionDocuments.PARTICIPANTS, InteractionDocuments.ATTACHMENTS, "language", "intent", "requiredSkills",
            InteractionDocuments.CAMPAIGN_REFERENCE, InteractionDocuments.NEEDS_RESPONSE, InteractionDocuments.ROUTING_HINTS,
            InteractionDocuments.VERSIONS);

    @Property(tries = 200)
    void staffSeeWhatTheStoredInteractionsViewShows(@ForAll("storedDocuments") Document stored) {
        InteractionView decoded = bson(projected(stored, InteractionViewDecoder.FIELDS)).decode(new InteractionViewDecoder());

        assertThat(decoded).isEqualTo(InteractionView.of(InteractionDocuments.toInteraction(stored)));
    }

    @Property(tries = 200)
    void aCustomerSeesWhatTheStoredInteractionsCustomerViewShows(@ForAll("storedDocuments") Document stored) {
        CustomerInteractionView decoded = bson(projected(stored, CustomerInteractionViewDecoder.FIELDS))
                .decode(new CustomerInteractionViewDecoder());

        assertThat(decoded).isEqualTo(CustomerInteractionView.of(InteractionDocuments.toInteraction(stored)));
    }

    @Property(tries = 50)
    void fieldsAPageDoesNotAskForAreSkipped(@ForAll("storedDocuments") Document stored) {
        assertThat(bson(stored).decode(new InteractionViewDecoder()))
                .isEqualTo(bson(projected(stored, InteractionViewDecoder.FIELDS)).decode(new InteractionViewDecoder()));
    }

    /**
     * An interaction as ingestion, a correction or an erasure leaves it: with its announcement and relay position or
     * pending events, some optional fields absent, read back from BSON as the driver would hand it to the old path.
     */
    @Provide
    Arbitrary<Document> storedDocuments() {
        return StoredInteractions.interactions().flatMap(interaction -> Arbitraries.of(OPTIONAL).set().ofMaxSize(OPTIONAL.size())
                .flatMap(absent -> Arbitraries.of(true, false).map(announced -> stored(interaction, absent, announced))));
    }

    private static Document stored(Interaction interaction, Set<String> absent, boolean announced) {
        PendingEvent event = new PendingEvent("e-" + interaction.id(), "dev.panorama.interaction.logged", "panorama.interactions",
                interaction.id().toString(), Instant.EPOCH, "{\"subject\":\"" + interaction.contact().subject() + "\"}");
        Document document = announced
                ? InteractionDocuments.position(InteractionDocuments.announced(interaction, "dedup", "hash", event), "stream", 7)
                : InteractionDocuments.toDocument(interaction, "dedup", "hash", List.of(event));
        absent.forEach(document::remove);
        return bson(document).decode(new DocumentCodec());
    }

    private static Document projected(Document stored, List<String> fields) {
        Document projected = new Document();
        stored.forEach((field, value) -> {
            if (field.equals(InteractionDocuments.ID) || fields.contains(field)) {
                projected.append(field, value);
            }
        });
        return projected;
    }

    private static RawBsonDocument bson(Document document) {
        return new RawBsonDocument(document, new DocumentCodec());
    }
}
