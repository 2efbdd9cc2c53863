package dev.panorama.interaction.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.ingest.Contact;
import dev.panorama.interaction.ingest.ContactRules;
import dev.panorama.interaction.ingest.IngestService;
import dev.panorama.interaction.log.Concurrently;
import dev.panorama.kit.problem.Problem.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Contacts from channel adapters on {@code panorama.channel.inbound}, a poll's batch at a time. A record that is not a
 * valid contact goes to the dead-letter topic with the reason and the rest of the batch is stored; a batch the store
 * cannot take now is retried (never dropped, never dead-lettered) until it can. Redeliveries are skipped by the
 * idempotency key, so at-least-once delivery stores each contact once.
 */
@ApplicationScoped
public class ChannelInboundConsumer {

    private static final Logger LOG = Logger.getLogger(ChannelInboundConsumer.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final IngestService ingest;
    private final DeadLetters deadLetters;
    private final ContactRules rules;

    public ChannelInboundConsumer(IngestService ingest, DeadLetters deadLetters, InteractionConfig config) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
        this.rules = new ContactRules(config.ingest().maxTextLength());
    }

    @Incoming("channel-inbound")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Contact> contacts = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                contacts.add(new Contact(readValid(record.value()), null));
            } catch (IllegalArgumentException invalid) {
                rejected.add(deadLetters.send(record, invalid.getMessage()));
            }
        }
        return store(contacts)
                .chain(() -> Concurrently.all(rejected));
    }

    private Uni<Void> store(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> ingest.ingest(contacts))
                .onFailure().invoke(failure -> LOG.warnf("Storing %d contacts failed, retrying: %s", contacts.size(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .invoke(outcomes -> LOG.debugf("%d contacts consumed", outcomes.size()))
                .replaceWithVoid();
    }

    private ChannelMessage readValid(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("not a ChannelMessage: empty record");
        }
        ChannelMessage message;
        try {
            message = JSON.readValue(payload, ChannelMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a ChannelMessage: " + e.getOriginalMessage());
        }
        List<FieldError> errors = rules.violations(message, false, "");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid ChannelMessage: " + errors.stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        }
        return message;
    }
}
