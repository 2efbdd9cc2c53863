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
import dev.panorama.kit.store.UntilAvailable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Contacts from channel adapters on {@code panorama.channel.inbound}, a poll's batch at a time. A record that is not a
 * valid contact goes to the dead-letter topic with the reason and the rest of the batch is stored. While MongoDB cannot
 * be reached the batch is stored again, with a growing pause, until it can (never dropped, never dead-lettered); a
 * batch that fails for another reason is stored again one contact at a time and only the contacts that still fail go to
 * the dead-letter topic, each with its reason, so one contact the store refuses does not hold up the partition.
 * Redeliveries are skipped by the idempotency key, so at-least-once delivery stores each contact once.
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
        List<Received> received = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                received.add(new Received(record, new Contact(readValid(record.value()), null)));
            } catch (IllegalArgumentException invalid) {
                rejected.add(deadLetters.send(record, invalid.getMessage()));
            }
        }
        return store(received)
                .chain(() -> Concurrently.all(rejected));
    }

    private Uni<Void> store(List<Received> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return UntilAvailable.mongo(() -> ingest.ingest(received.stream().map(Received::contact).toList()))
                .invoke(outcomes -> LOG.debugf("%d contacts consumed", outcomes.size()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("a batch of %d contacts could not be stored (%s); storing them one by one", received.size(),
                            failure.getClass().getSimpleName());
                    return oneByOne(received);
                });
    }

    private Uni<Void> oneByOne(List<Received> received) {
        return Multi.createFrom().iterable(received)
                .onItem().transformToUniAndConcatenate(one -> UntilAvailable.mongo(() -> ingest.ingest(List.of(one.contact())))
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> deadLetters.send(one.record(),
                                "cannot be stored: " + failure.getClass().getSimpleName() + ": " + failure.getMessage())))
                .collect().last().replaceWithVoid();
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

    /** A record and the contact it holds. */
    private record Received(ConsumerRecord<String, String> record, Contact contact) {
    }
}
