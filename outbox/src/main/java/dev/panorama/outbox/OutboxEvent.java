package dev.panorama.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the transactional outbox to be relayed to Kafka; its row is deleted once Kafka has it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregate_id")
    public UUID aggregateId;

    public String topic;

    @Column(name = "event_type")
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static OutboxEvent pending(UUID id, UUID aggregateId, String topic, String eventType, String payload, Instant now) {
        OutboxEvent event = new OutboxEvent();
        event.id = id;
        event.aggregateId = aggregateId;
        event.topic = topic;
        event.eventType = eventType;
        event.payload = payload;
        event.createdAt = now;
        return event;
    }
}
