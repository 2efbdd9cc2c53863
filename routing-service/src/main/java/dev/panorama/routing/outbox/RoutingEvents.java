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
    private static final String INSERT = insertFrom(1);

    private final OutboxRelay relay;

    public RoutingEvents(OutboxRelay relay) {
        this.relay = relay;
    }

    /** A pending event; {@code subject} (the customer) is its Kafka key, null when no customer is known. */
    public record Pending(Record event, UUID subject, Instant at) {
    }

    /** Events as the outbox's columns, one array per column, for a statement that writes them with other rows. */
    public record Columns(UUID[] ids, UUID[] subjects, String[] topics, String[] types, String[] payloads,
            OffsetDateTime[] times) {
    }

    /**
     * The insert of the events given as six array parameters from {@code $first} on, in the order {@link #addTo}
     * adds them: for a statement that writes them with other rows.
     */
    public static String insertFrom(int first) {
        return "insert into outbox_event (id, aggregate_id, topic, event_type, payload, created_at)"
                + " select id, aggregate_id, topic, event_type, payload::jsonb, created_at from unnest($" + first + "::uuid[], $"
                + (first + 1) + "::uuid[], $" + (first + 2) + "::text[], $" + (first + 3) + "::text[], $" + (first + 4)
                + "::text[], $" + (first + 5) + "::timestamptz[]) as e(id, aggregate_id, topic, event_type, payload, created_at)";
    }

    /** Adds the events' six array parameters of {@link #insertFrom} to the statement's values. */
    public Tuple addTo(Tuple values, List<Pending> events) {
        Columns columns = columns(events);
        return values.addArrayOfUUID(columns.ids()).addArrayOfUUID(columns.subjects()).addArrayOfString(columns.topics())
                .addArrayOfString(columns.types()).addArrayOfString(columns.payloads()).addArrayOfOffsetDateTime(columns.times());
    }

    public Uni<Void> add(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT).execute(addTo(Tuple.tuple(), events)).replaceWithVoid();
    }

    public Columns columns(List<Pending> events) {
        int n = events.size();
        Columns columns = new Columns(new UUID[n], new UUID[n], new String[n], new String[n], new String[n], new OffsetDateTime[n]);
        for (int i = 0; i < n; i++) {
            Pending pending = events.get(i);
            EventType type = EventType.of(pending.event().getClass());
            columns.ids()[i] = UUID.randomUUID();
            columns.subjects()[i] = pending.subject();
            columns.topics()[i] = type.topic();
            columns.types()[i] = type.ceType();
            columns.payloads()[i] = json(pending.event());
            columns.times()[i] = Rows.at(pending.at());
        }
        return columns;
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
