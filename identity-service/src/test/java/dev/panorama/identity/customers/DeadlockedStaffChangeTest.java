package dev.panorama.identity.customers;

import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.merge;
import static dev.panorama.identity.merge.StewardshipApi.post;
import static dev.panorama.identity.merge.StewardshipApi.recordIdsOf;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.identity.foundation.Jdbc;
import dev.panorama.identity.foundation.LockWaits;
import dev.panorama.identity.review.StewardshipPeople;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A staff change to customers that PostgreSQL fails as a deadlock's victim is made all the same, in a transaction of
 * its own: its user gets the change's answer, not a 500. The deadlock is made by a session of the test's: it holds the
 * records the change moves or blanks, and once the change waits for them, asks for the customers the change holds.
 */
@QuarkusTest
class DeadlockedStaffChangeTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());
    private final LocalDate birth = people.birthDate(); // one birthday: no merge protection between them

    @Test
    void anErasureIsMade() throws Exception {
        String customerId = storeNew(people.loner("crm", "DE1", birth, null));

        ExtractableResponse<Response> erased = deadlockedOnce(List.of(customerId), () -> given()
                .auth().oauth2(KeycloakTokens.forUser("ada")).when().delete("/api/v1/identity/customers/" + customerId).then());

        assertThat(erased.statusCode()).as(erased.asString()).isEqualTo(204);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/identity/customers/" + customerId)
                .then().statusCode(410);
    }

    @Test
    void aMergeIsMade() throws Exception {
        String survivor = storeNew(people.loner("crm", "DM1", birth, null));
        String merged = storeNew(people.loner("crm", "DM2", birth, null));

        ExtractableResponse<Response> merge = deadlockedOnce(List.of(survivor, merged),
                () -> merge("dana", survivor, List.of(merged), Map.of()));

        assertThat(merge.statusCode()).as(merge.asString()).isEqualTo(201);
        customer(merged).body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivor));
    }

    @Test
    void aSplitIsMade() throws Exception {
        StewardshipPeople.Person person = people.loner("crm", "DS1", birth, null);
        String customerId = storeNew(person);
        String billing = dev.panorama.identity.merge.StewardshipApi.store(StewardshipPeople.copyIn(person, "billing"))
                .statusCode(201).body("customerId", equalTo(customerId)).extract().path("recordId");

        ExtractableResponse<Response> split = deadlockedOnce(List.of(customerId), () -> post("dana", "/api/v1/identity/splits",
                Map.of("customerId", customerId, "recordIds", List.of(billing), "reason", "two people")));

        assertThat(split.statusCode()).as(split.asString()).isEqualTo(201);
        assertThat(recordIdsOf(split.path("newCustomerId"))).containsExactly(billing);
    }

    @Test
    void anUndoIsMade() throws Exception {
        String survivor = storeNew(people.loner("crm", "DU1", birth, null));
        String merged = storeNew(people.loner("crm", "DU2", birth, null));
        String mergeId = merge("dana", survivor, List.of(merged), Map.of()).statusCode(201).extract().path("id");

        ExtractableResponse<Response> undo = deadlockedOnce(List.of(survivor, merged),
                () -> post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of()));

        assertThat(undo.statusCode()).as(undo.asString()).isEqualTo(200);
        customer(merged).body("status", equalTo("ACTIVE"));
    }

    /**
     * The change, sent while this test's session holds the current records of its customers; once the change, holding
     * the customers, waits for those, the session asks for the customers. The change's session finds the deadlock first
     * (this one would look after ten minutes) and PostgreSQL fails the change's transaction.
     */
    private static ExtractableResponse<Response> deadlockedOnce(List<String> customers, Supplier<ValidatableResponse> change)
            throws Exception {
        CompletableFuture<ExtractableResponse<Response>> answer;
        try (Connection holder = Jdbc.connect()) {
            holder.setAutoCommit(false);
            try (Statement setting = holder.createStatement()) {
                setting.execute("set local deadlock_timeout = '10min'");
            }
            int pid = LockWaits.pid(holder);
            lock(holder, "select id from source_record where current and customer_id = any(?) for no key update", customers);
            answer = CompletableFuture.supplyAsync(() -> change.get().extract(), task -> new Thread(task, "change").start());
            LockWaits.awaitWaiting(pid, 1);
            lock(holder, "select id from customer where id = any(?) for no key update", customers);
            holder.rollback();
        }
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static void lock(Connection holder, String sql, List<String> customers) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement(sql)) {
            lock.setArray(1, holder.createArrayOf("uuid", customers.stream().map(UUID::fromString).toArray()));
            lock.executeQuery().close();
        }
    }
}
