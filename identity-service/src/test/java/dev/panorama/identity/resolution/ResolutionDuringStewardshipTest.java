package dev.panorama.identity.resolution;

import static dev.panorama.identity.foundation.Jdbc.connect;
import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.history;
import static dev.panorama.identity.merge.StewardshipApi.merge;
import static dev.panorama.identity.merge.StewardshipApi.post;
import static dev.panorama.identity.merge.StewardshipApi.store;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.panorama.identity.review.StewardshipPeople;
import dev.panorama.identity.review.StewardshipPeople.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resolutions racing stewards and each other. Each race is made certain rather than likely: a connection of the
 * test's own holds a lock that the resolution needs at the moment that matters, and lets it go once the rival call
 * is under way.
 */
@QuarkusTest
class ResolutionDuringStewardshipTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());
    private final LocalDate born = people.birthDate();

    /**
     * The test holds an uncommitted row with the late record's source key, so the resolution, having chosen its
     * customer, waits at its insert while the steward's merge is sent.
     */
    @Test
    void aRecordResolvedWhileItsCustomerIsMergedAwayEndsOnTheSurvivor() throws Exception {
        Person merged = people.loner("crm", "RM", born, null);
        String mergedId = storeNew(merged);
        String survivorId = storeNew(people.loner("crm", "RS", born, null));
        String bystanderId = storeNew(people.loner("crm", "RB", born, null));
        Person late = StewardshipPeople.copyIn(merged, "erp");

        try (Connection holder = connect(); Connection watcher = connect();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.setAutoCommit(false);
            holdSourceKey(holder, late, UUID.fromString(bystanderId));
            CompletableFuture<ExtractableResponse<Response>> stored = CompletableFuture.supplyAsync(() -> store(late).extract(), callers);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(watcher) >= 1);

            CompletableFuture<ExtractableResponse<Response>> merging = CompletableFuture.supplyAsync(
                    () -> merge("dana", survivorId, List.of(mergedId), Map.of()).extract(), callers);
            await().atMost(Duration.ofSeconds(30)).until(() -> merging.isDone() || waitingOnLocks(watcher) >= 2);
            holder.rollback();

            assertThat(stored.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(merging.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            String lateRecordId = stored.get().path("recordId");

            customer(mergedId).body("status", equalTo("MERGED")).body("records", hasSize(0));
            customer(survivorId).body("status", equalTo("ACTIVE")).body("records", hasSize(3))
                    .body("records.recordId", hasItems(lateRecordId));
        }
    }

    /**
     * A steward merges two customers, then splits one person's records off again, each while records of both people
     * (so of the same blocks) are resolved. Whichever commits first, every record ends on an active customer: a copy
     * resolved against the merged-away customer before the merge is moved with it, and one resolved after a split
     * joins whichever customer holds its person's records then; the customers' histories show the steward's changes.
     */
    @Test
    void recordsResolvedWhileAStewardMergesAndSplitsTheirCustomersAllEndOnActiveCustomers() throws Exception {
        Person first = people.loner("crm", "RA", born, null);
        Person second = people.loner("crm", "RB", born, null);
        String survivorId = storeNew(first);
        String mergedId = storeNew(second);
        store(StewardshipPeople.copyIn(first, "billing")).statusCode(201).body("customerId", equalTo(survivorId));

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<ExtractableResponse<Response>> merging = CompletableFuture.supplyAsync(
                    () -> merge("dana", survivorId, List.of(mergedId), Map.of()).extract(), callers);
            List<CompletableFuture<ExtractableResponse<Response>>> duringMerge = storedAtOnce(callers,
                    List.of(first, second), List.of("erp", "web", "shop"));
            assertThat(merging.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(answers(duringMerge)).extracting(ExtractableResponse::statusCode).containsOnly(201);
            customer(mergedId).body("status", equalTo("MERGED")).body("records", hasSize(0));
            customer(survivorId).body("status", equalTo("ACTIVE")).body("records", hasSize(9));

            List<String> secondsRecords = recordsOf(second);
            CompletableFuture<ExtractableResponse<Response>> splitting = CompletableFuture.supplyAsync(
                    () -> split(survivorId, secondsRecords).extract(), callers);
            List<CompletableFuture<ExtractableResponse<Response>>> duringSplit = storedAtOnce(callers,
                    List.of(first, second), List.of("app", "desk"));
            ExtractableResponse<Response> split = splitting.get(60, TimeUnit.SECONDS);
            assertThat(split.statusCode()).isEqualTo(201);
            assertThat(answers(duringSplit)).extracting(ExtractableResponse::statusCode).containsOnly(201);
            String splitOffId = split.path("newCustomerId");

            customer(splitOffId).body("status", equalTo("ACTIVE")).body("records.recordId", hasItems(secondsRecords.toArray()));
            List<String> firstsRecords = recordsOf(first);
            customer(survivorId).body("status", equalTo("ACTIVE")).body("records.recordId", hasItems(firstsRecords.toArray()));
            assertThat(customersOf(first, second)).as("the customer of every current record of both people")
                    .containsOnlyKeys(survivorId, splitOffId).containsValues("ACTIVE");
            assertThat(recordCount(first, second)).as("one current record per source record sent").isEqualTo(13);
            history("dana", survivorId).statusCode(200).body("kind", equalTo(List.of("SPLIT", "MERGE")));
        }
    }

    /** Each person sent again from each system, all at once. */
    private static List<CompletableFuture<ExtractableResponse<Response>>> storedAtOnce(ExecutorService callers,
            List<Person> persons, List<String> systems) {
        return systems.stream().flatMap(system -> persons.stream().map(person -> StewardshipPeople.copyIn(person, system)))
                .map(copy -> CompletableFuture.supplyAsync(() -> store(copy).extract(), callers)).toList();
    }

    private static List<ExtractableResponse<Response>> answers(List<CompletableFuture<ExtractableResponse<Response>>> calls)
            throws Exception {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static ValidatableResponse split(String customerId, List<String> recordIds) {
        return post("dana", "/api/v1/identity/splits", Map.of("customerId", customerId, "recordIds", recordIds,
                "reason", "two people in one customer"));
    }

    /** The ids of the person's current records, whatever system sent them. */
    private List<String> recordsOf(Person person) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select cast(id as text) from source_record where current and source_id = ?")) {
            query.setString(1, person.id());
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The customers holding the people's current records, with their statuses. */
    private Map<String, String> customersOf(Person... persons) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select distinct cast(c.id as text), c.status from source_record r join customer c on c.id = r.customer_id"
                        + " where r.current and r.source_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", java.util.Arrays.stream(persons).map(Person::id).toArray()));
            Map<String, String> found = new java.util.HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        }
    }

    private long recordCount(Person... persons) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from source_record where current and source_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", java.util.Arrays.stream(persons).map(Person::id).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void theSameNewRecordSentTwiceAtOnceIsStoredOnceAndBothCallersHearWhere() throws Exception {
        Person twice = people.loner("crm", "RT", born, null);
        try (Connection holder = connect(); Connection watcher = connect();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.setAutoCommit(false);
            holdBlockingKey(holder, "em:" + twice.email());
            CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> store(twice).extract(), callers);
            CompletableFuture<ExtractableResponse<Response>> second = CompletableFuture.supplyAsync(() -> store(twice).extract(), callers);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(watcher) >= 2);
            holder.rollback();

            List<ExtractableResponse<Response>> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
            assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(201, 200);
            String customerId = answers.getFirst().path("customerId");
            assertThat(answers).extracting(answer -> answer.<String>path("customerId")).containsOnly(customerId);
            customer(customerId).body("records", hasSize(1));
        }
    }

    /** An uncommitted first version of the late record's source key: the resolution's own insert waits behind it. */
    private static void holdSourceKey(Connection holder, Person late, UUID customerId) throws SQLException {
        try (PreparedStatement insert = holder.prepareStatement("insert into source_record (id, source_system, source_id,"
                + " version, current, content_hash, payload, normalised, customer_id, received_at)"
                + " values (?, ?, ?, 1, true, 'held by the test', '{}'::jsonb, '{}'::jsonb, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, late.system());
            insert.setString(3, late.id());
            insert.setObject(4, customerId);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** The lock a resolution takes for one of its blocking keys: both calls queue behind the test, having read nothing stored. */
    private static void holdBlockingKey(Connection holder, String key) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.execute();
        }
    }

    private static int waitingOnLocks(Connection watcher) throws SQLException {
        try (PreparedStatement query = watcher.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
