package dev.panorama.routing.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What happened in a run, as stored (every task and every offer with when it opened and closed) and as published on
 * panorama.routing.events; and the invariants checked against it. Each violation is a sentence naming the task or
 * agent, so a failing run says what went wrong.
 */
final class ScaleHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NEVER = Instant.MAX;

    record StoredTask(UUID id, String state, String channel, String agentId, Instant createdAt, Instant endedAt) {
    }

    record StoredOffer(UUID id, UUID taskId, String agentId, String status, Instant offeredAt, Instant closedAt) {
    }

    /** One event of the run: its CloudEvents id and type, and its data. */
    record Event(String id, String type, JsonNode data) {

        /** The record's simple name: TaskOffered of panorama.routing.TaskOffered.v1. */
        String name() {
            return type.replaceAll("^.*\\.(\\w+)\\.v\\d+$", "$1");
        }

        UUID taskId() {
            return UUID.fromString(data.get("taskId").asText());
        }

        Instant at(String field) {
            return Instant.parse(data.get(field).asText()).truncatedTo(ChronoUnit.MICROS);
        }
    }

    final Map<UUID, StoredTask> tasks = new HashMap<>();
    final Map<UUID, List<StoredOffer>> offersByTask = new HashMap<>();
    final Map<String, List<StoredOffer>> offersByAgent = new HashMap<>();
    final List<Event> events = new ArrayList<>();

    static ScaleHistory read(Connection db, String queue) throws SQLException {
        ScaleHistory history = new ScaleHistory();
        try (ResultSet rows = db.createStatement().executeQuery("select id, state, channel, agent_id, created_at, ended_at"
                + " from routing_task where queue_id = '" + queue + "'")) {
            while (rows.next()) {
                UUID id = rows.getObject("id", UUID.class);
                history.tasks.put(id, new StoredTask(id, rows.getString("state"), rows.getString("channel"),
                        rows.getString("agent_id"), instant(rows.getTimestamp("created_at")), instant(rows.getTimestamp("ended_at"))));
            }
        }
        try (ResultSet rows = db.createStatement().executeQuery("select o.id, o.task_id, o.agent_id, o.status, o.offered_at,"
                + " o.closed_at from task_offer o join routing_task t on t.id = o.task_id where t.queue_id = '" + queue
                + "' order by o.offered_at")) {
            while (rows.next()) {
                StoredOffer offer = new StoredOffer(rows.getObject("id", UUID.class), rows.getObject("task_id", UUID.class),
                        rows.getString("agent_id"), rows.getString("status"), instant(rows.getTimestamp("offered_at")),
                        instant(rows.getTimestamp("closed_at")));
                history.offersByTask.computeIfAbsent(offer.taskId(), k -> new ArrayList<>()).add(offer);
                history.offersByAgent.computeIfAbsent(offer.agentId(), k -> new ArrayList<>()).add(offer);
            }
        }
        return history;
    }

    /** Reads the topic from its start until it holds {@code expected} events (by CloudEvents id) about this run's tasks. */
    void readEvents(String bootstrapServers, Map<String, Integer> expected, Duration patience) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "routing-scale-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> counted = new HashMap<>();
        Instant deadline = Instant.now().plus(patience);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.ROUTING_EVENTS));
            while (Instant.now().isBefore(deadline) && !expected.entrySet().stream()
                    .allMatch(entry -> counted.getOrDefault(entry.getKey(), 0) >= entry.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Event event = parse(record);
                    if (event != null && event.data().has("taskId") && tasks.containsKey(event.taskId()) && seen.add(event.id())) {
                        events.add(event);
                        counted.merge(event.name(), 1, Integer::sum);
                    }
                }
            }
        }
    }

    private static Event parse(ConsumerRecord<String, String> record) {
        try {
            dev.panorama.events.EventEnvelope envelope = CloudEvents.fromKafkaHeaders(record.headers());
            return new Event(envelope.id(), envelope.type(), JSON.readTree(record.value()));
        } catch (Exception notOurs) {
            return null;
        }
    }

    long eventsOf(String typeSuffix) {
        return events.stream().filter(event -> event.name().equals(typeSuffix)).count();
    }

    /** A task never has two offers open at once: each offer closed before the next one was made. */
    List<String> overlappingOffers() {
        List<String> violations = new ArrayList<>();
        offersByTask.forEach((task, offers) -> {
            for (int i = 1; i < offers.size(); i++) {
                StoredOffer before = offers.get(i - 1);
                StoredOffer after = offers.get(i);
                Instant closed = before.closedAt() == null ? NEVER : before.closedAt();
                if (closed.isAfter(after.offeredAt())) {
                    violations.add("task " + task + " offered to " + after.agentId() + " at " + after.offeredAt()
                            + " while its offer to " + before.agentId() + " was open until " + before.closedAt());
                }
            }
        });
        return violations;
    }

    /**
     * The slots an agent held on a channel at an instant: every offer open then, and every accepted offer until its
     * task ended.
     */
    int loadAt(String agent, String channel, Instant at) {
        int load = 0;
        for (StoredOffer offer : offersByAgent.getOrDefault(agent, List.of())) {
            StoredTask task = tasks.get(offer.taskId());
            if (!task.channel().equals(channel)) {
                continue;
            }
            Instant end = "ACCEPTED".equals(offer.status()) ? task.endedAt() : offer.closedAt();
            if (!offer.offeredAt().isAfter(at) && (end == null || end.isAfter(at))) {
                load++;
            }
        }
        return load;
    }

    /** At every TaskOffered and TaskAssigned moment of the topic, the agent held no more than its capacity. */
    List<String> overCapacity(Map<String, Integer> capacity) {
        List<String> violations = new ArrayList<>();
        for (Event event : events) {
            boolean offered = event.name().equals("TaskOffered");
            if (!offered && !event.name().equals("TaskAssigned")) {
                continue;
            }
            String agent = event.data().get("agentId").asText();
            Instant at = event.at(offered ? "offeredAt" : "assignedAt");
            String channel = tasks.get(event.taskId()).channel();
            int load = loadAt(agent, channel, at);
            if (load > capacity.get(channel)) {
                violations.add(agent + " held " + load + " " + channel + " tasks at " + at + " (" + event.type() + " of "
                        + event.taskId() + "), capacity " + capacity.get(channel));
            }
        }
        return violations;
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
