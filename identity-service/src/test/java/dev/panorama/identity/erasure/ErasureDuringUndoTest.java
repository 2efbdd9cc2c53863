package dev.panorama.identity.erasure;

import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.history;
import static dev.panorama.identity.merge.StewardshipApi.merge;
import static dev.panorama.identity.merge.StewardshipApi.post;
import static dev.panorama.identity.merge.StewardshipApi.recordIdsOf;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An admin erases a customer while a data steward undoes a merge into it. Each waits for the other's locks, taken in
 * the order every change to customers takes them (customers in id order, then the changes in their history), and both
 * get their answer: locked in another order, the two waited for each other, PostgreSQL broke the deadlock by failing
 * one, and its user got a 500. The test lines the two up behind locks its own session holds, then lets them go.
 */
@QuarkusTest
class ErasureDuringUndoTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());

    @Test
    void anErasureOfTheSurvivorWhileAMergeIntoItIsUndoneErasesTheSurvivorOnly() throws Exception {
        LocalDate birth = people.birthDate(); // one birthday: no merge protection between them
        List<String> byId = Stream.of(storeNew(people.loner("crm", "EU1", birth, null)),
                storeNew(people.loner("crm", "EU2", birth, null))).sorted().toList();
        String merged = byId.getFirst(); // the undo locks the merged customer first, as its id comes first
        String survivor = byId.getLast();
        List<String> mergedRecords = recordIdsOf(merged);
        String mergeId = merge("dana", survivor, List.of(merged), Map.of()).statusCode(201).extract().path("id");

        CompletableFuture<ExtractableResponse<Response>> undo;
        CompletableFuture<ExtractableResponse<Response>> erasure;
        try (Connection holder = Jdbc.connect()) {
            holder.setAutoCommit(false);
            int pid = LockWaits.pid(holder);
            lock(holder, "select id from customer where id = ? for update", merged);
            undo = answerOf(() -> post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of()));
            LockWaits.awaitWaiting(pid, 1);
            erasure = answerOf(() -> erase(survivor));
            LockWaits.awaitWaiting(pid, 2);
            holder.rollback();
        }

        assertAnswered(undo, 200);
        assertAnswered(erasure, 204);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/identity/customers/" + survivor)
                .then().statusCode(410).body("erasedBy", equalTo("ada"));
        customer(merged).body("status", equalTo("ACTIVE"));
        assertThat(recordIdsOf(merged)).containsExactlyInAnyOrderElementsOf(mergedRecords);
        history("ada", merged).statusCode(200).body("kind", equalTo(List.of("MERGE_UNDONE", "MERGE")));
    }

    @Test
    void anErasureThatRewritesTheHistoryOfAMergeBeingUndoneIsMadeAndTheUndoRefused() throws Exception {
        String survivor = storeNew(people.loner("crm", "EH1", people.birthDate(), null));
        String address = "eh." + people.tag() + "@example.net";
        String prospect = given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Map.of("channel", "EMAIL", "address", address))
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(200).extract().path("customerId");
        String mergeId = merge("dana", survivor, List.of(prospect), Map.of()).statusCode(201).extract().path("id");

        CompletableFuture<ExtractableResponse<Response>> erasure;
        CompletableFuture<ExtractableResponse<Response>> undo;
        try (Connection holder = Jdbc.connect()) {
            holder.setAutoCommit(false);
            int pid = LockWaits.pid(holder);
            // the erasure, once it holds the customers, waits here, before it rewrites the merge showing the address
            lock(holder, "select id from source_record where customer_id = ? for no key update", survivor);
            erasure = answerOf(() -> erase(survivor));
            LockWaits.awaitWaiting(pid, 1);
            undo = answerOf(() -> post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of()));
            LockWaits.awaitWaiting(pid, 2);
            holder.rollback();
        }

        assertAnswered(erasure, 204);
        assertThat(assertAnswered(undo, 409).<String>path("type")).endsWith("/undo-refused");
        history("ada", survivor).statusCode(200)
                .body("kind", hasItem("MERGE"))
                .body(not(containsString(address)));
    }

    private static ValidatableResponse erase(String customerId) {
        return given().auth().oauth2(KeycloakTokens.forUser("ada")).when().delete("/api/v1/identity/customers/" + customerId)
                .then();
    }

    /**
     * The answer to a request sent on a thread of its own, so that it can wait for a lock while the test goes on (the
     * common pool may have a single thread, busy with the other request).
     */
    private static CompletableFuture<ExtractableResponse<Response>> answerOf(Supplier<ValidatableResponse> request) {
        return CompletableFuture.supplyAsync(() -> request.get().extract(), task -> new Thread(task, "request").start());
    }

    private static ExtractableResponse<Response> assertAnswered(CompletableFuture<ExtractableResponse<Response>> answer,
            int status) throws Exception {
        ExtractableResponse<Response> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return response;
    }

    private static void lock(Connection holder, String sql, String customerId) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement(sql)) {
            lock.setObject(1, UUID.fromString(customerId));
            lock.executeQuery().close();
        }
    }
}
