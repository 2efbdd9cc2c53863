package dev.panorama.routing.statistics;

import dev.panorama.routing.store.Rows;
import dev.panorama.routing.store.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The statistics, aggregated by PostgreSQL from the stored tasks and offers (indexes in V4). */
@ApplicationScoped
public class StatisticsStore {

    static final String WAITING = "t.state in ('CREATED', 'QUEUED')";
    private static final String WAITING_W = "w.state in ('CREATED', 'QUEUED')";
    private static final String ROOM = "exists (select 1 from agent_capacity c where c.agent_id = a.id and c.channel = %s"
            + " and c.capacity > (select count(*) from routing_task l where l.agent_id = a.id and l.channel = c.channel"
            + " and l.state in ('OFFERED', 'ASSIGNED', 'WRAP_UP')))";
    /**
     * Agent {@code a} meets waiting task {@code w}'s own requirements, as the matcher reads them before any escalation
     * step: every all-of skill at its minimum and, when the task names any-of skills, at least one of them at its
     * minimum. Looser requirements of later escalation steps and preferred-agent holds are not applied: the figure
     * answers "who could take it as asked".
     */
    private static final String QUALIFIED = "not exists (select 1 from jsonb_array_elements(w.required_skills) r where not exists"
            + " (select 1 from agent_skill s where s.agent_id = a.id and s.skill = r ->> 'skill'"
            + " and s.proficiency >= (r ->> 'minProficiency')::int))"
            + " and (jsonb_array_length(w.any_of_skills) = 0 or exists (select 1 from jsonb_array_elements(w.any_of_skills) y"
            + " join agent_skill s on s.agent_id = a.id and s.skill = y ->> 'skill' and s.proficiency >= (y ->> 'minProficiency')::int))";
    private static final String NOW = "select q.id, q.name, q.sla_target_seconds,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and " + WAITING + ") as waiting,"
            + " (select coalesce(extract(epoch from $1 - min(t.queued_at)), 0) from routing_task t where t.queue_id = q.id and "
            + WAITING + ") as oldest,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.state = 'OFFERED') as offered,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.state in ('ASSIGNED', 'WRAP_UP')) as in_progress,"
            + " (select count(*) from agent a where a.presence = 'AVAILABLE' and case"
            + "   when exists (select 1 from routing_task w where w.queue_id = q.id and " + WAITING_W + ")"
            + "   then exists (select 1 from routing_task w where w.queue_id = q.id and " + WAITING_W + " and "
            + ROOM.formatted("w.channel") + " and " + QUALIFIED + ")"
            + "   else " + ROOM.formatted("c.channel") + " end) as agents_available,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.assigned_at >= $1 - interval '15 minutes'"
            + "   and t.assigned_at <= $1) as sla_total,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.assigned_at >= $1 - interval '15 minutes'"
            + "   and t.assigned_at <= $1 and t.assigned_at - t.created_at <= make_interval(secs => q.sla_target_seconds)) as sla_met,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.state = 'COMPLETED' and t.ended_at >= $2) as completed,"
            + " (select count(*) from routing_task t where t.queue_id = q.id and t.ended_at >= $2 and t.assigned_at is null"
            + "   and t.state in ('CANCELLED', 'EXPIRED')) as abandoned"
            + " from routing_queue q order by q.id";

    private static final String TASKS = "select %1$s as key, date_trunc('%2$s', t.ended_at at time zone 'UTC') as bucket,"
            + " count(*) filter (where t.state = 'COMPLETED') as handled,"
            + " avg(extract(epoch from t.assigned_at - t.created_at)) filter (where t.state = 'COMPLETED') as avg_wait,"
            + " percentile_cont(0.9) within group (order by extract(epoch from t.assigned_at - t.created_at))"
            + "   filter (where t.state = 'COMPLETED') as p90_wait,"
            + " avg(extract(epoch from t.ended_at - t.assigned_at)) filter (where t.state = 'COMPLETED') as avg_handle,"
            + " count(*) filter (where t.state = 'CANCELLED' and t.assigned_at is null) as abandoned,"
            + " count(*) filter (where t.state = 'EXPIRED') as expired"
            + " from routing_task t where t.ended_at >= $1 and t.ended_at < $2 and %1$s is not null and ($3::text is null or %1$s = $3)"
            + " group by 1, 2";
    private static final String OFFERS = "select %1$s as key, date_trunc('%2$s', o.offered_at at time zone 'UTC') as bucket,"
            + " count(*) as offered, count(*) filter (where o.status = 'ACCEPTED') as accepted,"
            + " count(*) filter (where o.status = 'REJECTED') as rejected, count(*) filter (where o.status = 'EXPIRED') as timed_out"
            + " from task_offer o join routing_task t on t.id = o.task_id"
            + " where o.offered_at >= $1 and o.offered_at < $2 and ($3::text is null or %1$s = $3) group by 1, 2";

    /** Whose figures a historical question groups by. */
    public enum By {
        QUEUE("t.queue_id", "t.queue_id"), AGENT("t.agent_id", "o.agent_id");

        private final String taskKey;
        private final String offerKey;

        By(String taskKey, String offerKey) {
            this.taskKey = taskKey;
            this.offerKey = offerKey;
        }
    }

    private final Transactions transactions;

    public StatisticsStore(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<List<QueueNow>> queuesNow(Instant now) {
        Instant midnight = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return transactions.read(connection -> connection.preparedQuery(NOW).execute(Tuple.of(Rows.at(now), Rows.at(midnight))))
                .map(rows -> all(rows, StatisticsStore::queueNow));
    }

    /** The buckets of every queue or agent, or only of {@code only} when it is not null. */
    public Uni<List<Bucket>> history(By by, StatisticsRange range, String only) {
        Tuple arguments = Tuple.of(Rows.at(range.from()), Rows.at(range.to()), only);
        String field = range.interval().sqlField();
        return transactions.read(connection -> connection.preparedQuery(TASKS.formatted(by.taskKey, field)).execute(arguments)
                        .map(rows -> all(rows, StatisticsStore::taskBucket))
                        .chain(tasks -> connection.preparedQuery(OFFERS.formatted(by.offerKey, field)).execute(arguments)
                                .map(rows -> BucketTable.join(tasks, all(rows, StatisticsStore::offerBucket)))));
    }

    private static QueueNow queueNow(Row row) {
        return new QueueNow(row.getString("id"), row.getString("name"), row.getLong("waiting"),
                (long) Math.floor(row.getNumeric("oldest").doubleValue()), row.getLong("offered"), row.getLong("in_progress"),
                row.getLong("agents_available"), row.getInteger("sla_target_seconds"),
                SlaShare.of(row.getLong("sla_met"), row.getLong("sla_total")), row.getLong("completed"), row.getLong("abandoned"));
    }

    private static Bucket taskBucket(Row row) {
        return Bucket.ofTasks(row.getString("key"), bucket(row), row.getLong("handled"), seconds(row, "avg_wait"),
                seconds(row, "p90_wait"), seconds(row, "avg_handle"), row.getLong("abandoned"), row.getLong("expired"));
    }

    private static Bucket offerBucket(Row row) {
        return Bucket.ofOffers(row.getString("key"), bucket(row), row.getLong("offered"), row.getLong("accepted"),
                row.getLong("rejected"), row.getLong("timed_out"));
    }

    private static Instant bucket(Row row) {
        return row.getLocalDateTime("bucket").toInstant(ZoneOffset.UTC);
    }

    private static Double seconds(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000.0) / 1000.0;
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> read) {
        List<T> items = new ArrayList<>();
        rows.forEach(row -> items.add(read.apply(row)));
        return items;
    }
}
