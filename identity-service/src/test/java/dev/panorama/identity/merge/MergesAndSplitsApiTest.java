package dev.panorama.identity.merge;

import static dev.panorama.identity.merge.StewardshipApi.awaitEvent;
import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.history;
import static dev.panorama.identity.merge.StewardshipApi.merge;
import static dev.panorama.identity.merge.StewardshipApi.post;
import static dev.panorama.identity.merge.StewardshipApi.recordIdsOf;
import static dev.panorama.identity.merge.StewardshipApi.store;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.identity.review.StewardshipPeople;
import dev.panorama.identity.review.StewardshipPeople.Person;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Merges, splits and their undos by data stewards, over REST against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class MergesAndSplitsApiTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());
    private final LocalDate born = people.birthDate();

    @Test
    void aMergeUndoneGivesEachCustomerBackExactlyItsRecords() {
        Person x = people.loner("crm", "MX", born, null);
        Person y = people.loner("crm", "MY", born, null);
        Person z = people.loner("crm", "MZ", born, null);
        String survivor = storeNew(x);
        String second = storeNew(y);
        store(StewardshipPeople.copyIn(y, "billing")).statusCode(201).body("customerId", equalTo(second));
        String third = storeNew(z);
        List<String> survivorBefore = recordIdsOf(survivor);
        List<String> secondBefore = recordIdsOf(second);
        List<String> thirdBefore = recordIdsOf(third);

        String mergeId = merge("dana", survivor, List.of(second, third), Map.of())
                .statusCode(201)
                .body("survivorId", equalTo(survivor))
                .body("mergedIds", containsInAnyOrder(second, third))
                .body("movedRecords", hasSize(3))
                .body("movedRecords.recordId", containsInAnyOrder(concat(secondBefore, thirdBefore).toArray()))
                .body("movedRecords.find { it.sourceSystem == 'billing' }.fromCustomerId", equalTo(second))
                .body("actor", equalTo("dana"))
                .body("reason", equalTo("same person, confirmed by phone"))
                .body("mergedAt", notNullValue())
                .extract().path("id");
        customer(survivor).body("records", hasSize(4));
        customer(second).body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivor)).body("records", hasSize(0));
        assertThat(awaitEvent(survivor, "panorama.identity.CustomersMerged.v1", v -> v.contains(mergeId)).value())
                .contains(second).contains(third).contains("\"actor\":\"dana\"");

        String late = store(StewardshipPeople.copyIn(x, "erp")).statusCode(201).body("customerId", equalTo(survivor))
                .extract().path("recordId");

        String undoId = post("ada", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of())
                .statusCode(200)
                .body("kind", equalTo("MERGE_UNDONE"))
                .body("undoes", equalTo(mergeId))
                .body("reason", equalTo("merge " + mergeId + " undone"))
                .body("actor", equalTo("ada"))
                .extract().path("id");

        customer(second).body("status", equalTo("ACTIVE")).body("mergedInto", nullValue());
        assertThat(recordIdsOf(second)).containsExactlyInAnyOrderElementsOf(secondBefore);
        assertThat(recordIdsOf(third)).containsExactlyInAnyOrderElementsOf(thirdBefore);
        assertThat(recordIdsOf(survivor)).containsExactlyInAnyOrderElementsOf(concat(survivorBefore, List.of(late)));
        assertThat(awaitEvent(survivor, "panorama.identity.CustomerSplit.v1",
                v -> v.contains(undoId) && v.contains("\"newCustomerId\":\"" + second + "\"")).value())
                .contains("merge " + mergeId + " undone").contains("billing");

        post("ada", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of())
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/undo-refused"))
                .body("detail", containsString("already undone"));
        history("alice", second).statusCode(200)
                .body("kind", equalTo(List.of("MERGE_UNDONE", "MERGE")))
                .body("[1].undoneBy", equalTo(undoId))
                .body("[1].actor", equalTo("dana"))
                .body("[1].before.customerId", containsInAnyOrder(survivor, second, third))
                .body("[1].after.customerId", equalTo(List.of(survivor)))
                .body("[0].after.find { it.customerId == '" + second + "' }.records.recordId",
                        containsInAnyOrder(secondBefore.toArray()));
    }

    @Test
    void aSplitUndoneBringsTheRecordsBackWithTheVersionsTheyGotMeanwhile() {
        Person s = people.loner("crm", "SP", born, null);
        String original = storeNew(s);
        store(StewardshipPeople.copyIn(s, "billing")).statusCode(201).body("customerId", equalTo(original));
        store(StewardshipPeople.copyIn(s, "erp")).statusCode(201).body("customerId", equalTo(original));
        List<String> sourcesBefore = sources(original);
        List<String> ids = recordIdsOf(original);
        String billing = customer(original).extract().path("records.find { it.sourceSystem == 'billing' }.recordId");
        String erp = customer(original).extract().path("records.find { it.sourceSystem == 'erp' }.recordId");
        assertThat(ids).hasSize(3);

        var split = post("dana", "/api/v1/identity/splits", Map.of("customerId", original, "recordIds", List.of(billing, erp),
                "reason", "two people with one name"))
                .statusCode(201)
                .body("originalId", equalTo(original))
                .body("movedRecords.recordId", containsInAnyOrder(billing, erp))
                .body("actor", equalTo("dana"))
                .extract();
        String splitId = split.path("id");
        String created = split.path("newCustomerId");
        customer(created).body("status", equalTo("ACTIVE")).body("records.recordId", containsInAnyOrder(billing, erp));
        customer(original).body("records", hasSize(1));
        assertThat(awaitEvent(original, "panorama.identity.CustomerSplit.v1", v -> v.contains(splitId)).value())
                .contains(created).contains("\"sourceSystem\":\"billing\"");

        Person moved = new Person("billing", s.id(), s.given(), s.family(), s.birth(), "new." + s.email(), s.phone(), s.street(),
                s.locality(), s.postcode(), Map.of());
        store(moved).statusCode(201).body("customerId", equalTo(created)).body("version", equalTo(2));

        post("dana", "/api/v1/identity/splits/" + splitId + "/undo", Map.of())
                .statusCode(200).body("kind", equalTo("SPLIT_UNDONE")).body("undoes", equalTo(splitId));

        assertThat(sources(original)).containsExactlyInAnyOrderElementsOf(sourcesBefore);
        customer(original).body("records.find { it.sourceSystem == 'billing' }.version", equalTo(2));
        customer(created).body("status", equalTo("MERGED")).body("mergedInto", equalTo(original));
        assertThat(awaitEvent(original, "panorama.identity.CustomersMerged.v1", v -> v.contains("split " + splitId + " undone"))
                .value()).contains(created);
        post("dana", "/api/v1/identity/splits/" + splitId + "/undo", Map.of()).statusCode(409).body("type", endsWith("/undo-refused"));
        history("sam", created).statusCode(200).body("kind", equalTo(List.of("SPLIT_UNDONE", "SPLIT")));
    }

    @Test
    void anAutomaticMergeIsRecordedWithTheRecordsThatMovedAndCanBeUndoneForGood() {
        List<Person> pair = people.possiblePair();
        String first = storeNew(pair.get(0));
        String second = store(pair.get(1)).statusCode(201).body("decision", equalTo("POSSIBLE")).extract().path("customerId");

        String survivor = store(StewardshipPeople.bridging(pair.get(0), pair.get(1))).statusCode(201)
                .body("mergedCustomerIds", hasSize(1)).extract().path("customerId");
        String merged = survivor.equals(first) ? second : first;

        String mergeId = history("dana", survivor).statusCode(200)
                .body("[0].kind", equalTo("MERGE"))
                .body("[0].actor", equalTo("identity-service"))
                .body("[0].score", notNullValue())
                .body("[0].movedRecords.fromCustomerId", hasItem(merged))
                .extract().path("[0].id");
        post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of()).statusCode(200);
        customer(merged).body("status", equalTo("ACTIVE")).body("records", hasSize(1));

        store(StewardshipPeople.bridging(pair.get(0), pair.get(1))).statusCode(201)
                .body("decision", equalTo("MATCHED")).body("mergedCustomerIds", hasSize(0));
        customer(survivor).body("status", equalTo("ACTIVE"));
        customer(merged).body("status", equalTo("ACTIVE"));
    }

    /**
     * A steward's split says the two customers are different people: a later record that matches both links to one and
     * merges nothing, though a steward may still merge them by hand.
     */
    @Test
    void aRecordMatchingBothSidesOfASplitMergesNothing() {
        Person a = people.loner("crm", "KS", born, null);
        String original = storeNew(a);
        store(StewardshipPeople.copyIn(a, "billing")).statusCode(201).body("customerId", equalTo(original));
        String billing = customer(original).extract().path("records.find { it.sourceSystem == 'billing' }.recordId");
        String apart = post("dana", "/api/v1/identity/splits", Map.of("customerId", original, "recordIds", List.of(billing),
                "reason", "looked like two people")).statusCode(201).extract().path("newCustomerId");

        String linked = store(StewardshipPeople.copyIn(a, "erp")).statusCode(201)
                .body("decision", equalTo("MATCHED"))
                .body("mergedCustomerIds", hasSize(0))
                .extract().path("customerId");

        assertThat(linked).isIn(original, apart);
        customer(original).body("status", equalTo("ACTIVE"));
        customer(apart).body("status", equalTo("ACTIVE"));
        merge("dana", original, List.of(apart), Map.of()).statusCode(201);
    }

    @Test
    void mergesAreRefusedForUnknownMergedOrProtectedCustomers() {
        String one = storeNew(people.loner("crm", "R1", born, "QQ123456C"));
        String two = storeNew(people.loner("crm", "R2", born, "ZX987654A"));
        String three = storeNew(people.loner("crm", "R3", born, null));

        merge("dana", one, List.of(UUID.randomUUID().toString()), Map.of())
                .statusCode(404).contentType(startsWith("application/problem+json")).body("type", endsWith("/customer-not-found"));
        merge("dana", one, List.of(two), Map.of())
                .statusCode(422).body("type", endsWith("/merge-protected")).body("detail", containsString("admin"));
        merge("dana", one, List.of(two), Map.of("override", true)).statusCode(422);
        merge("ada", one, List.of(two), Map.of("override", true)).statusCode(201);
        merge("dana", three, List.of(two), Map.of())
                .statusCode(409).body("type", endsWith("/customer-already-merged"));
        merge("dana", one, List.of(one), Map.of()).statusCode(400).body("errors.field", hasItem("mergedIds"));
        merge("dana", one, List.of(), Map.of()).statusCode(400).body("errors.field", hasItem("mergedIds"));
        post("dana", "/api/v1/identity/merges", Map.of("survivorId", one, "mergedIds", List.of(three)))
                .statusCode(400).body("errors.field", hasItem("reason"));
        post("dana", "/api/v1/identity/merges/" + UUID.randomUUID() + "/undo", Map.of()).statusCode(404)
                .body("type", endsWith("/merge-not-found"));
    }

    @Test
    void splitsAreRefusedUnlessTheyMoveSomeButNotAllOfTheCustomersOwnRecords() {
        Person p = people.loner("crm", "SR", born, null);
        String customer = storeNew(p);
        store(StewardshipPeople.copyIn(p, "billing")).statusCode(201);
        List<String> ids = recordIdsOf(customer);
        String other = storeNew(people.loner("crm", "SO", born, null));
        String foreign = recordIdsOf(other).getFirst();

        split(customer, ids).statusCode(422).body("type", endsWith("/split-refused"));
        split(customer, List.of()).statusCode(422).body("type", endsWith("/split-refused"));
        split(customer, List.of(ids.getFirst(), foreign)).statusCode(422).body("detail", containsString(foreign));
        split(UUID.randomUUID().toString(), List.of(foreign)).statusCode(404).body("type", endsWith("/customer-not-found"));
        post("dana", "/api/v1/identity/splits", Map.of("customerId", customer, "recordIds", List.of(ids.getFirst())))
                .statusCode(400).body("errors.field", hasItem("reason"));

        merge("dana", customer, List.of(other), Map.of()).statusCode(201);
        split(other, List.of(foreign)).statusCode(409).body("type", endsWith("/customer-already-merged"));
        post("dana", "/api/v1/identity/splits/" + UUID.randomUUID() + "/undo", Map.of()).statusCode(404)
                .body("type", endsWith("/split-not-found"));
    }

    @Test
    void anUndoIsRefusedWhenALaterChangeMovedItsRecordsAgain() {
        String survivor = storeNew(people.loner("crm", "U1", born, null));
        String merged = storeNew(people.loner("crm", "U2", born, null));
        String mergedRecord = recordIdsOf(merged).getFirst();
        String mergeId = merge("dana", survivor, List.of(merged), Map.of()).statusCode(201).extract().path("id");
        String splitId = split(survivor, List.of(mergedRecord)).statusCode(201).extract().path("id");

        post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of())
                .statusCode(409).body("type", endsWith("/undo-refused")).body("detail", containsString(mergedRecord));

        post("dana", "/api/v1/identity/splits/" + splitId + "/undo", Map.of()).statusCode(200);
        post("dana", "/api/v1/identity/merges/" + mergeId + "/undo", Map.of()).statusCode(200);
        assertThat(recordIdsOf(merged)).containsExactly(mergedRecord);
    }

    @Test
    void onlyStewardsAndAdminsChangeCustomersAndStaffReadTheirHistory() {
        String one = storeNew(people.loner("crm", "RO", born, null));
        String two = storeNew(people.loner("crm", "RT", born, null));
        Map<String, Object> mergeBody = Map.of("survivorId", one, "mergedIds", List.of(two), "reason", "same");

        post("alice", "/api/v1/identity/merges", mergeBody).statusCode(403).contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body(mergeBody).when().post("/api/v1/identity/merges").then().statusCode(401);
        post("sam", "/api/v1/identity/splits", Map.of("customerId", one, "recordIds", List.of(UUID.randomUUID()), "reason", "x"))
                .statusCode(403);
        post("alice", "/api/v1/identity/merges/" + UUID.randomUUID() + "/undo", Map.of()).statusCode(403);
        post("alice", "/api/v1/identity/splits/" + UUID.randomUUID() + "/undo", Map.of()).statusCode(403);
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(mergeBody)
                .when().post("/api/v1/identity/merges").then().statusCode(403);

        history("alice", one).statusCode(200).body("", hasSize(0));
        history("sam", one).statusCode(200);
        history("carl", one).statusCode(403);
        given().when().get("/api/v1/identity/customers/" + one + "/history").then().statusCode(401);
        history("alice", UUID.randomUUID().toString()).statusCode(404).body("type", endsWith("/customer-not-found"));
    }

    private static io.restassured.response.ValidatableResponse split(String customerId, List<String> recordIds) {
        return post("dana", "/api/v1/identity/splits", Map.of("customerId", customerId, "recordIds", recordIds,
                "reason", "two people with one name"));
    }

    private static List<String> sources(String customerId) {
        List<Map<String, Object>> records = customer(customerId).extract().path("records");
        return records.stream().map(r -> r.get("sourceSystem") + "/" + r.get("sourceId")).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
