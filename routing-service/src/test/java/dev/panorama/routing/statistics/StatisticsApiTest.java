package dev.panorama.routing.statistics;

import static dev.panorama.routing.api.RoutingApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Statistics of a known sequence of tasks and offers, stored as routing stores them: historical ones on a fixed past
 * day (exact figures), real-time ones relative to the database clock.
 */
@QuarkusTest
class StatisticsApiTest {

    private static final String DAY = "2020-03-02";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String queue = "stats-" + run;
    private final String agent = "stats-agent-" + run;

    @Test
    void historicalFiguresPerQueueAndAgentFollowTheStoredTasksAndOffers() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            setUp(db);
            UUID t1 = task(db, "COMPLETED", at("10:00:00"), at("10:00:10"), at("10:05:10"), agent);
            UUID t2 = task(db, "COMPLETED", at("10:10:00"), at("10:10:30"), at("10:20:30"), agent);
            task(db, "CANCELLED", at("10:30:00"), null, at("10:40:00"), null);
            task(db, "EXPIRED", at("10:45:00"), null, at("11:15:00"), null);
            UUID t5 = task(db, "COMPLETED", at("11:00:00"), at("11:01:40"), at("11:10:00"), agent);
            offer(db, t1, "EXPIRED", at("10:00:05"));
            offer(db, t1, "ACCEPTED", at("10:00:08"));
            offer(db, t2, "REJECTED", at("10:10:20"));
            offer(db, t2, "ACCEPTED", at("10:10:25"));
            offer(db, t5, "ACCEPTED", at("11:01:00"));
        }
        JsonPath hourly = as("sam").queryParams(Map.of("from", DAY + "T00:00:00Z", "to", "2020-03-03T00:00:00Z", "interval", "HOUR", "queue", queue))
                .get("/api/v1/routing/statistics/queues").then().statusCode(200).body("range.interval", equalTo("HOUR"))
                .extract().jsonPath();
        assertThat(hourly.getList("items")).hasSize(2);
        assertThat(hourly.getString("items[0].start")).isEqualTo(DAY + "T10:00:00Z");
        assertThat(hourly.getLong("items[0].handled")).isEqualTo(2);
        assertThat(hourly.getDouble("items[0].averageWaitSeconds")).isEqualTo(20.0);
        assertThat(hourly.getDouble("items[0].p90WaitSeconds")).isEqualTo(28.0);
        assertThat(hourly.getDouble("items[0].averageHandleSeconds")).isEqualTo(450.0);
        assertThat(hourly.getLong("items[0].abandoned")).isEqualTo(1);
        assertThat(hourly.getLong("items[0].expired")).isZero();
        assertThat(hourly.getLong("items[0].offered")).isEqualTo(4);
        assertThat(hourly.getLong("items[0].accepted")).isEqualTo(2);
        assertThat(hourly.getLong("items[0].rejected")).isEqualTo(1);
        assertThat(hourly.getLong("items[0].timedOut")).isEqualTo(1);
        assertThat(hourly.getString("items[1].start")).isEqualTo(DAY + "T11:00:00Z");
        assertThat(hourly.getLong("items[1].handled")).isEqualTo(1);
        assertThat(hourly.getDouble("items[1].averageWaitSeconds")).isEqualTo(100.0);
        assertThat(hourly.getLong("items[1].expired")).isEqualTo(1);
        assertThat(hourly.getLong("items[1].offered")).isEqualTo(1);

        JsonPath daily = as("ada").queryParams(Map.of("from", DAY + "T00:00:00Z", "to", "2020-03-03T00:00:00Z", "interval", "DAY", "agent", agent))
                .get("/api/v1/routing/statistics/agents").then().statusCode(200).extract().jsonPath();
        assertThat(daily.getList("items")).hasSize(1);
        assertThat(daily.getString("items[0].key")).isEqualTo(agent);
        assertThat(daily.getLong("items[0].handled")).isEqualTo(3);
        assertThat(daily.getDouble("items[0].averageWaitSeconds")).isEqualTo(46.667);
        assertThat(daily.getDouble("items[0].p90WaitSeconds")).isEqualTo(86.0);
        assertThat(daily.getDouble("items[0].averageHandleSeconds")).isEqualTo(466.667);
        assertThat(daily.getLong("items[0].abandoned")).isZero();
        assertThat(daily.getLong("items[0].offered")).isEqualTo(5);
        assertThat(daily.getLong("items[0].accepted")).isEqualTo(3);
    }

    @Test
    void theRealTimeViewCountsWhatWaitsRunsAndEndedToday() throws Exception {
        notJustBeforeMidnight();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            setUp(db);
            // waits 10 minutes for a skill nobody holds
            exec(db, "insert into routing_task (id, state, channel, queue_id, priority, required_skills, source, routing_key,"
                    + " created_at, queued_at, updated_at) values (?, 'QUEUED', 'CHAT', ?, 10, '[{\"skill\":\"nobody-" + run
                    + "\",\"minProficiency\":5}]', 'API', now() - interval '600 seconds', now() - interval '600 seconds',"
                    + " now() - interval '600 seconds', now())", UUID.randomUUID(), queue);
            liveTask(db, "ASSIGNED", "interval '320 seconds'", "interval '300 seconds'", false);
            liveTask(db, "WRAP_UP", "interval '170 seconds'", "interval '120 seconds'", false);
            liveTask(db, "COMPLETED", "interval '40 seconds'", "interval '30 seconds'", true);
            exec(db, "insert into routing_task (id, state, channel, queue_id, priority, source, routing_key, created_at, queued_at,"
                    + " ended_at, updated_at) values (?, 'CANCELLED', 'CHAT', ?, 10, 'API', now(), now() - interval '5 seconds',"
                    + " now() - interval '5 seconds', now(), now())", UUID.randomUUID(), queue);
        }
        JsonPath now = as("sam").get("/api/v1/routing/queues/statistics").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = now.getMap("items.find { it.queue == '" + queue + "' }");
        assertThat(mine).containsEntry("waiting", 1).containsEntry("offered", 0).containsEntry("inProgress", 2)
                .containsEntry("agentsAvailable", 0).containsEntry("slaTargetSeconds", 30)
                .containsEntry("completedToday", 1).containsEntry("abandonedToday", 1);
        assertThat(((Number) mine.get("oldestWaitSeconds")).longValue()).isBetween(600L, 720L);
        assertThat(now.getMap("items.find { it.queue == '" + queue + "' }.slaMetLast15Minutes"))
                .containsEntry("met", 2).containsEntry("total", 3).containsEntry("share", 0.6667f);
    }

    /**
     * An agent counts for a queue when they could take a waiting task as asked: room on its channel, every all-of skill
     * at its minimum and at least one of its any-of skills at its minimum.
     */
    @Test
    void availableAgentsCountOnlyWhenTheyHoldAnAnyOfSkillToo() throws Exception {
        String lang = "lang:s" + run;
        String billing = "billing-" + run;
        String tech = "tech-" + run;
        UUID waiting = UUID.randomUUID();
        List<String> agents = List.of("any-a-" + run, "any-b-" + run, "any-c-" + run, "any-d-" + run, "any-e-" + run);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                Connection lock = DriverManager.getConnection(jdbcUrl, user, password)) {
            setUp(db);
            for (String skill : List.of(lang, billing, tech)) {
                exec(db, "insert into skill (name, created_at) values (?, now())", skill);
            }
            exec(db, "insert into routing_task (id, state, channel, queue_id, priority, required_skills, any_of_skills, source,"
                    + " routing_key, created_at, queued_at, updated_at) values (?, 'QUEUED', 'CHAT', ?, 10, ?::jsonb, ?::jsonb, 'API',"
                    + " now(), now(), now(), now())", waiting, queue,
                    "[{\"skill\":\"" + lang + "\",\"minProficiency\":2}]",
                    "[{\"skill\":\"" + billing + "\",\"minProficiency\":3},{\"skill\":\"" + tech + "\",\"minProficiency\":3}]");
            // The dispatcher skips a locked task: nobody is offered it while the figure is read.
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select id from routing_task where id = ? for update")) {
                select.setObject(1, waiting);
                select.executeQuery().close();
            }
            availableAgent(db, agents.get(0), 3, Map.of(lang, 3, billing, 4)); // all-of and one any-of: counts
            availableAgent(db, agents.get(1), 3, Map.of(lang, 3, tech, 2)); // its any-of skill below the minimum
            availableAgent(db, agents.get(2), 3, Map.of(lang, 5)); // no any-of skill at all
            availableAgent(db, agents.get(3), 3, Map.of(billing, 5, tech, 5)); // no all-of skill
            availableAgent(db, agents.get(4), 0, Map.of(lang, 3, tech, 3)); // qualified, but no room on chat

            JsonPath now = as("sam").get("/api/v1/routing/queues/statistics").then().statusCode(200).extract().jsonPath();
            assertThat(now.getMap("items.find { it.queue == '" + queue + "' }")).containsEntry("waiting", 1)
                    .containsEntry("agentsAvailable", 1);
            lock.rollback();
        } finally {
            try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
                for (String agentId : agents) {
                    exec(db, "update agent set presence = 'OFFLINE' where id = ?", agentId);
                }
                exec(db, "update routing_task set state = 'CANCELLED', ended_at = now() where id = ?", waiting);
            }
        }
    }

    @Test
    void rolesAndBadRangesAreAnsweredWithProblems() {
        as("alice").get("/api/v1/routing/queues/statistics").then().statusCode(403);
        as("alice").queryParams(Map.of("from", "2020-03-02T00:00:00Z", "to", "2020-03-03T00:00:00Z"))
                .get("/api/v1/routing/statistics/queues").then().statusCode(403);
        as("sam").queryParams(Map.of("from", "2020-03-02T00:00:00Z", "to", "2020-03-03T00:00:00Z"))
                .get("/api/v1/routing/statistics/agents/me").then().statusCode(403);
        as("alice").queryParams(Map.of("from", "2020-03-02T00:00:00Z", "to", "2020-03-03T00:00:00Z", "interval", "DAY"))
                .get("/api/v1/routing/statistics/agents/me").then().statusCode(200).body("range.interval", equalTo("DAY"));
        as("sam").queryParams(Map.of("from", "2020-03-03T00:00:00Z", "to", "2020-03-02T00:00:00Z"))
                .get("/api/v1/routing/statistics/queues").then().statusCode(400)
                .contentType("application/problem+json");
        as("sam").queryParams(Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-06-01T00:00:00Z", "interval", "HOUR"))
                .get("/api/v1/routing/statistics/agents").then().statusCode(400).contentType("application/problem+json");
        as("sam").queryParams(Map.of("from", "last week", "to", "2020-06-01T00:00:00Z"))
                .get("/api/v1/routing/statistics/agents").then().statusCode(400).contentType("application/problem+json");
        as("sam").queryParams(Map.of("from", "+999999999-12-30T00:00:00Z", "to", "+999999999-12-31T00:00:00Z"))
                .get("/api/v1/routing/statistics/queues").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("from", "to"));
        as("sam").queryParams(Map.of("from", "+1000000000-12-31T00:00:00Z", "to", "+1000000000-12-31T23:59:59Z"))
                .get("/api/v1/routing/statistics/agents").then().statusCode(400).contentType("application/problem+json");
    }

    private void setUp(Connection db) throws Exception {
        exec(db, "insert into routing_queue (id, name, strategy, sla_target_seconds, offer_timeout_seconds, wrap_up_seconds,"
                + " created_at, updated_at) values (?, 'Stats', 'BEST_SCORE', 30, 30, 30, now(), now())", queue);
        exec(db, "insert into agent (id, presence, presence_since, created_at, updated_at) values (?, 'OFFLINE', now(), now(), now())", agent);
    }

    private static void availableAgent(Connection db, String agentId, int chats, Map<String, Integer> skills) throws Exception {
        exec(db, "insert into agent (id, presence, presence_since, created_at, updated_at) values (?, 'AVAILABLE', now(), now(), now())",
                agentId);
        exec(db, "insert into agent_capacity (agent_id, channel, capacity) values (?, 'CHAT', ?)", agentId, chats);
        for (Map.Entry<String, Integer> skill : skills.entrySet()) {
            exec(db, "insert into agent_skill (agent_id, skill, proficiency) values (?, ?, ?)", agentId, skill.getKey(), skill.getValue());
        }
    }

    /** "Today" is since midnight UTC: tasks that end now must still be today's when the statistics are asked for. */
    private static void notJustBeforeMidnight() throws InterruptedException {
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration left = Duration.between(Instant.now(), midnight);
        if (left.compareTo(Duration.ofSeconds(10)) < 0) {
            Thread.sleep(left.toMillis() + 1_000);
        }
    }

    private void liveTask(Connection db, String state, String createdAgo, String assignedAgo, boolean endsNow) throws Exception {
        exec(db, "insert into routing_task (id, state, channel, queue_id, priority, source, routing_key, created_at, queued_at,"
                + " assigned_at, ended_at, agent_id, updated_at) values (?, '" + state + "', 'CHAT', ?, 10, 'API', now() - " + createdAgo
                + ", now() - " + createdAgo + ", now() - " + createdAgo + ", now() - " + assignedAgo + ", "
                + (endsNow ? "now()" : "null") + ", ?, now())", UUID.randomUUID(), queue, agent);
    }

    private UUID task(Connection db, String state, String created, String assigned, String ended, String agentId) throws Exception {
        UUID id = UUID.randomUUID();
        exec(db, "insert into routing_task (id, state, channel, queue_id, priority, source, routing_key, created_at, queued_at,"
                + " assigned_at, ended_at, agent_id, updated_at) values (?, ?, 'CHAT', ?, 10, 'API', ?::timestamptz, ?::timestamptz,"
                + " ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, now())", id, state, queue, created, created, created, assigned, ended, agentId);
        return id;
    }

    private void offer(Connection db, UUID task, String status, String offered) throws Exception {
        exec(db, "insert into task_offer (id, task_id, agent_id, status, offered_at, expires_at, closed_at) values (?, ?, ?, ?,"
                + " ?::timestamptz, ?::timestamptz + interval '30 seconds', ?::timestamptz + interval '1 second')",
                UUID.randomUUID(), task, agent, status, offered, offered, offered);
    }

    private static String at(String time) {
        return DAY + "T" + time + "Z";
    }

    private static void exec(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
