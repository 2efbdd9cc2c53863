package dev.panorama.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Adds events to the outbox inside the caller's transaction: they are published only if it commits. */
@ApplicationScoped
public class Outbox {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final OutboxRepository repository;

    public Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    /**
     * @param subject the customer the event is about: its Kafka key and CloudEvents subject
     */
    public Uni<OutboxEvent> add(Record event, UUID subject, Instant now) {
        return repository.persist(pending(event, subject, now));
    }

    /**
     * The outbox row for an event, not yet added: for a caller that writes it in the same statement as the state
     * change that causes it. It must be written in the caller's transaction, as {@link #add} does.
     */
    public OutboxEvent pending(Record event, UUID subject, Instant now) {
        return pending(EventType.of(event.getClass()), json(event), subject, now);
    }

    /**
     * Like {@link #pending(Record, UUID, Instant)} for an event the caller already wrote as JSON, with the events'
     * conventions ({@code EventJson}), for instance because the same text is stored beside it.
     */
    public OutboxEvent pending(EventType type, String payload, UUID subject, Instant now) {
        return OutboxEvent.pending(UUID.randomUUID(), subject, type.topic(), type.ceType(), payload, now);
    }

    private static String json(Record event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.getClass().getSimpleName(), e);
        }
    }
}
