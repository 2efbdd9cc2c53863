package dev.panorama.routing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.outbox.OutboxRelay;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Adds routing events to the transactional outbox on the connection of the routing transaction (the outbox
 * module's relay publishes them), so an event leaves exactly when its state change commits. Routing writes with
 * the SQL client, not a Hibernate session, hence this writer rather than {@code Outbox}; the rows are the same.
 */
@ApplicationScoped
public class RoutingEvents {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** Any number of events in one statement (a dispatch round adds one per offer). */
    private static final String INSERT = "insert into outbox_event (id, aggregate_id, topic, event_type, payload, created_at)"
            + " select id, aggregate_id, topic, event_type, payload::jsonb, created_at from unnest($1::uuid[], $2::uuid[],"
            + " $3::text[], $4::text[], $5::text[], $6::timestamptz[]) as e(id, aggregate_id, topic, event_type, payload, created_at)";

    private final OutboxRelay relay;

    public RoutingEvents(OutboxRelay relay) {
        this.relay = relay;
    }

    /** A pending event; {@code subject} (the customer) is its Kafka key, null when no customer is known. */
    public record Pending(Record event, UUID subject, Instant at) {
    }

    public Uni<Void> add(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] subjects = new UUID[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Pending pending = events.get(i);
            EventType type = EventType.of(pending.event().getClass());
            ids[i] = UUID.randomUUID();
            subjects[i] = pending.subject();
            topics[i] = type.topic();
            types[i] = type.ceType();
            payloads[i] = json(pending.event());
            times[i] = Rows.at(pending.at());
        }
        return connection.preparedQuery(INSERT).execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(subjects)
                .addArrayOfString(topics).addArrayOfString(types).addArrayOfString(payloads).addArrayOfOffsetDateTime(times))
                .replaceWithVoid();
    }

    public Uni<Void> add(SqlConnection connection, Record event, UUID subject, Instant at) {
        return add(connection, List.of(new Pending(event, subject, at)));
    }

    /** Publishes what just committed without waiting for the relay's schedule (see {@link OutboxRelay#nudge()}). */
    public void publishSoon() {
        relay.nudge();
    }

    private static String json(Record event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.getClass().getSimpleName(), e);
        }
    }
}
