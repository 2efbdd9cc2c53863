package dev.panorama.routing.queues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.routing.matching.Strategy;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routing_queue table. */
@ApplicationScoped
public class QueueStore {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<QueueSettings.Step>> STEPS = new TypeReference<>() { };
    private static final String COLUMNS = "id, name, strategy, escalation_steps::text as steps, sla_target_seconds,"
            + " overflow_queue_id, offer_timeout_seconds, wrap_up_seconds, max_wait_seconds, round_robin_cursor";

    /** Every queue by id, in id order (there are few). */
    public Uni<Map<String, QueueSettings>> all(SqlConnection connection) {
        return connection.query("select " + COLUMNS + " from routing_queue order by id").execute().map(rows -> {
            Map<String, QueueSettings> queues = new LinkedHashMap<>();
            rows.forEach(row -> queues.put(row.getString("id"), settings(row)));
            return queues;
        });
    }

    /** A queue's settings as of its {@code settings_version} (Flyway V6). */
    public record Versioned(long version, QueueSettings settings) {
    }

    /** Every queue by id with the version of its settings. */
    public Uni<Map<String, Versioned>> allVersioned(SqlConnection connection) {
        return connection.query("select " + COLUMNS + ", settings_version from routing_queue order by id").execute().map(rows -> {
            Map<String, Versioned> queues = new LinkedHashMap<>();
            rows.forEach(row -> queues.put(row.getString("id"), new Versioned(row.getLong("settings_version"), settings(row))));
            return queues;
        });
    }

    /** Per queue, the version of its settings and the agent its round-robin rotation served last (null: none yet). */
    public record Head(long version, String roundRobinCursor) {
    }

    public Uni<Map<String, Head>> heads(SqlConnection connection) {
        return connection.query("select id, settings_version, round_robin_cursor from routing_queue").execute().map(rows -> {
            Map<String, Head> heads = new HashMap<>();
            rows.forEach(row -> heads.put(row.getString("id"), new Head(row.getLong("settings_version"),
                    row.getString("round_robin_cursor"))));
            return heads;
        });
    }

    /** Per queue, the agent its round-robin rotation served last. */
    public Uni<Map<String, String>> roundRobinCursors(SqlConnection connection) {
        return connection.query("select id, round_robin_cursor from routing_queue where round_robin_cursor is not null")
                .execute().map(rows -> {
                    Map<String, String> cursors = new HashMap<>();
                    rows.forEach(row -> cursors.put(row.getString("id"), row.getString("round_robin_cursor")));
                    return cursors;
                });
    }

    public Uni<Void> moveCursors(SqlConnection connection, Map<String, String> cursors) {
        if (cursors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = cursors.entrySet().stream().map(entry -> Tuple.of(entry.getKey(), entry.getValue())).toList();
        return connection.preparedQuery("update routing_queue set round_robin_cursor = $2 where id = $1").executeBatch(rows)
                .replaceWithVoid();
    }

    public Uni<Optional<QueueSettings>> find(SqlConnection connection, String id) {
        return connection.preparedQuery("select " + COLUMNS + " from routing_queue where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(settings(rows.iterator().next())));
    }

    /** Creates or replaces the queue; answers whether it is new. */
    public Uni<Boolean> put(SqlConnection connection, QueueSettings queue, Instant now) {
        return connection.preparedQuery("insert into routing_queue (id, name, strategy, escalation_steps, sla_target_seconds,"
                        + " overflow_queue_id, offer_timeout_seconds, wrap_up_seconds, max_wait_seconds, created_at, updated_at)"
                        + " values ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8, $9, $10, $10) on conflict (id) do update set"
                        + " name = excluded.name, strategy = excluded.strategy, escalation_steps = excluded.escalation_steps,"
                        + " sla_target_seconds = excluded.sla_target_seconds, overflow_queue_id = excluded.overflow_queue_id,"
                        + " offer_timeout_seconds = excluded.offer_timeout_seconds, wrap_up_seconds = excluded.wrap_up_seconds,"
                        + " max_wait_seconds = excluded.max_wait_seconds, updated_at = excluded.updated_at"
                        + " returning (xmax = 0) as created")
                .execute(Tuple.tuple().addString(queue.id()).addString(queue.name()).addString(queue.strategy().name())
                        .addString(json(queue.escalationSteps())).addInteger(queue.slaTargetSeconds())
                        .addString(queue.overflowQueueId()).addInteger(queue.offerTimeoutSeconds())
                        .addInteger(queue.wrapUpSeconds()).addInteger(queue.maxWaitSeconds()).addOffsetDateTime(Rows.at(now)))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    public Uni<Void> remove(SqlConnection connection, String id) {
        return connection.preparedQuery("select (select count(*) from routing_task where queue_id = $1"
                        + " and state not in ('COMPLETED', 'CANCELLED', 'EXPIRED')) as open_tasks,"
                        + " (select count(*) from routing_task where queue_id = $1) as all_tasks,"
                        + " (select count(*) from routing_queue where overflow_queue_id = $1) as feeders")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().next())
                .chain(counts -> {
                    if (counts.getLong("feeders") > 0) {
                        return Uni.createFrom().failure(new QueueInUse(id, "is the overflow queue of another queue"));
                    }
                    if (counts.getLong("all_tasks") > 0) {
                        return Uni.createFrom().failure(new QueueInUse(id, "holds or held tasks; their history keeps it"));
                    }
                    return connection.preparedQuery("delete from routing_queue where id = $1").execute(Tuple.of(id));
                })
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw UnknownQueue.asked(id);
                    }
                })
                .replaceWithVoid();
    }

    private static QueueSettings settings(Row row) {
        return new QueueSettings(row.getString("id"), row.getString("name"), Strategy.valueOf(row.getString("strategy")),
                steps(row.getString("steps")), row.getInteger("sla_target_seconds"), row.getString("overflow_queue_id"),
                row.getInteger("offer_timeout_seconds"), row.getInteger("wrap_up_seconds"), row.getInteger("max_wait_seconds"));
    }

    private static List<QueueSettings.Step> steps(String json) {
        try {
            return JSON.readValue(json, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored escalation steps are not readable", e);
        }
    }

    private static String json(List<QueueSettings.Step> steps) {
        try {
            return JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
