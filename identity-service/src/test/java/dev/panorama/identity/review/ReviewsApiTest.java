package dev.panorama.identity.review;

import static dev.panorama.identity.merge.StewardshipApi.awaitEvent;
import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.history;
import static dev.panorama.identity.merge.StewardshipApi.merge;
import static dev.panorama.identity.merge.StewardshipApi.post;
import static dev.panorama.identity.merge.StewardshipApi.store;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.identity.review.StewardshipPeople.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Possible matches in front of data stewards, over REST against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class ReviewsApiTest {

    private static final String REVIEWS = "/api/v1/identity/reviews";

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());

    @Test
    void aPossibleMatchIsReviewedAndAcceptingItMakesOneCustomer() {
        Possible possible = raise();

        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get(REVIEWS + "/" + possible.reviewId)
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("customerId", equalTo(possible.customer))
                .body("candidateCustomerId", equalTo(possible.candidate))
                .body("sourceSystem", equalTo("billing"))
                .body("sourceId", equalTo(possible.record.id()))
                .body("probability", lessThan(0.95f))
                .body("probability", greaterThanOrEqualTo(0.5f))
                .body("explanation.fields.find { it.field == 'given_name' }.level", equalTo("nickname"))
                .body("explanation.fields.find { it.field == 'email' }.level", equalTo("different"));

        String mergeId = decide("dana", possible.reviewId, "ACCEPT").statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("dana"))
                .body("decisionReason", equalTo("checked with the customer"))
                .body("mergeId", notNullValue())
                .extract().path("mergeId");

        customer(possible.candidate).body("status", equalTo("ACTIVE")).body("records", hasSize(2));
        customer(possible.customer).body("status", equalTo("MERGED")).body("mergedInto", equalTo(possible.candidate));
        history("alice", possible.candidate).statusCode(200)
                .body("[0].id", equalTo(mergeId))
                .body("[0].kind", equalTo("MERGE"))
                .body("[0].actor", equalTo("dana"))
                .body("[0].reason", equalTo("checked with the customer"))
                .body("[0].score", notNullValue());
        assertThat(awaitEvent(possible.candidate, "panorama.identity.CustomersMerged.v1", v -> v.contains(mergeId)).value())
                .contains(possible.customer).contains("\"actor\":\"dana\"");

        decide("dana", possible.reviewId, "REJECT").statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/review-already-decided"));
    }

    @Test
    void aRejectedPairStaysApartAndIsNotRaisedAgain() {
        Possible possible = raise();

        decide("dana", possible.reviewId, "REJECT").statusCode(200).body("status", equalTo("REJECTED"));

        customer(possible.customer).body("status", equalTo("ACTIVE")).body("records", hasSize(1));
        customer(possible.candidate).body("status", equalTo("ACTIVE")).body("records", hasSize(1));
        store(possible.record).statusCode(200).body("stored", equalTo(false));
        assertThat(reviewsOf("OPEN", possible.customer)).isEmpty();
        assertThat(reviewsOf("REJECTED", possible.customer)).containsExactly(possible.reviewId);
        decide("ada", possible.reviewId, "ACCEPT").statusCode(409);
        history("dana", possible.customer).statusCode(200).body("", hasSize(0));
    }

    @Test
    void aRecordMatchingBothSidesOfARejectedPairLinksToOneAndMergesNothing() {
        Possible possible = raise();
        decide("dana", possible.reviewId, "REJECT").statusCode(200);

        store(bridge(possible)).statusCode(201)
                .body("decision", equalTo("MATCHED"))
                .body("mergedCustomerIds", hasSize(0));

        customer(possible.customer).body("status", equalTo("ACTIVE"));
        customer(possible.candidate).body("status", equalTo("ACTIVE"));
        assertThat(List.of(recordCount(possible.customer), recordCount(possible.candidate))).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void withoutARejectionTheSameBridgingRecordMergesThePair() {
        Possible possible = raise();

        store(bridge(possible)).statusCode(201)
                .body("decision", equalTo("MATCHED"))
                .body("mergedCustomerIds", hasSize(1));
    }

    @Test
    void aStewardCannotMergeARejectedPairButAnAdminMayOverride() {
        Possible possible = raise();
        decide("dana", possible.reviewId, "REJECT").statusCode(200);

        merge("dana", possible.candidate, List.of(possible.customer), Map.of()).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/merge-protected"));
        merge("dana", possible.candidate, List.of(possible.customer), Map.of("override", true)).statusCode(422);
        customer(possible.customer).body("status", equalTo("ACTIVE"));

        merge("ada", possible.candidate, List.of(possible.customer), Map.of("override", true)).statusCode(201);
        customer(possible.customer).body("status", equalTo("MERGED")).body("mergedInto", equalTo(possible.candidate));
    }

    @Test
    void aRejectionFollowsTheCustomerIntoWhicheverItWasMergedAfterwards() {
        Possible possible = raise();
        decide("dana", possible.reviewId, "REJECT").statusCode(200);
        String elsewhere = storeNew(people.loner("crm", "RJ", possible.record.birth(), null));
        merge("dana", elsewhere, List.of(possible.candidate), Map.of()).statusCode(201);

        merge("dana", elsewhere, List.of(possible.customer), Map.of()).statusCode(422)
                .body("type", endsWith("/merge-protected"));
    }

    /**
     * The same person as both records of the pair at once: both of their e-mail addresses and phones,
     * the first's name and address, the shared date of birth. It links to one and matches the other.
     */
    private static Map<String, Object> bridge(Possible possible) {
        return StewardshipPeople.bridging(possible.first, possible.record);
    }

    private static int recordCount(String customerId) {
        return customer(customerId).extract().path("records.size()");
    }

    @Test
    void acceptingFollowsACustomerMergedMeanwhileToItsSurvivor() {
        Possible possible = raise();
        String elsewhere = storeNew(people.loner("crm", "EL", possible.record.birth(), null));
        merge("dana", elsewhere, List.of(possible.candidate), Map.of()).statusCode(201);

        decide("dana", possible.reviewId, "ACCEPT").statusCode(200);

        customer(elsewhere).body("records", hasSize(3));
        customer(possible.customer).body("mergedInto", equalTo(elsewhere));
    }

    @Test
    void theQueueIsReadOldestFirstPageByPage() {
        raise();
        raise();
        ExtractableResponse<Response> first = page("limit=1").extract();
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        String second = page("limit=1&cursor=" + cursor).body("items", hasSize(1)).extract().path("items[0].id");

        assertThat(second).isNotEqualTo(first.path("items[0].id"));
        Instant firstAt = Instant.parse(first.path("items[0].createdAt"));
        Instant secondAt = Instant.parse(page("limit=1&cursor=" + cursor).extract().path("items[0].createdAt"));
        assertThat(secondAt).isAfterOrEqualTo(firstAt);
        page("limit=1000").body("items.size()", lessThan(201));
    }

    @Test
    void badRequestsUnknownReviewsAndWrongRolesAreRefused() {
        page("status=MAYBE").statusCode(400).body("errors.field", hasItem("status"));
        page("limit=0").statusCode(400).body("errors.field", hasItem("limit"));
        page("limit=abc").statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        page("cursor=nonsense").statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get(REVIEWS + "/" + UUID.randomUUID())
                .then().statusCode(404).body("type", endsWith("/review-not-found"));
        decide("dana", UUID.randomUUID().toString(), "ACCEPT").statusCode(404);
        post("dana", REVIEWS + "/" + UUID.randomUUID() + "/decision", Map.of("decision", "MAYBE", "reason", "x")).statusCode(400);
        post("dana", REVIEWS + "/" + UUID.randomUUID() + "/decision", Map.of("decision", "ACCEPT"))
                .statusCode(400).body("errors.field", hasItem("reason"));

        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get(REVIEWS).then().statusCode(403);
        given().when().get(REVIEWS).then().statusCode(401);
        decide("alice", UUID.randomUUID().toString(), "ACCEPT").statusCode(403);
        given().contentType("application/json").body(Map.of("decision", "ACCEPT", "reason", "x"))
                .when().post(REVIEWS + "/" + UUID.randomUUID() + "/decision").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forUser("ada")).when().get(REVIEWS).then().statusCode(200);
    }

    /** A record stored as a possible match of an existing customer, and its review item. */
    private record Possible(Person first, Person record, String customer, String candidate, String reviewId) {
    }

    private Possible raise() {
        List<Person> pair = new StewardshipPeople(UUID.randomUUID().getLeastSignificantBits()).possiblePair();
        String candidate = storeNew(pair.get(0));
        String customer = store(pair.get(1)).statusCode(201)
                .body("decision", equalTo("POSSIBLE"))
                .body("customerId", not(equalTo(candidate)))
                .extract().path("customerId");
        List<String> reviews = reviewsOf("OPEN", customer);
        assertThat(reviews).hasSize(1);
        return new Possible(pair.get(0), pair.get(1), customer, candidate, reviews.getFirst());
    }

    /** Every review of the status whose record's customer is this one, reading the whole queue page by page. */
    private static List<String> reviewsOf(String status, String customerId) {
        List<String> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            ExtractableResponse<Response> page = page("status=" + status + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(item -> customerId.equals(item.get("customerId"))).forEach(item -> found.add((String) item.get("id")));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return found;
    }

    private static io.restassured.response.ValidatableResponse page(String query) {
        return given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get(REVIEWS + "?" + query).then();
    }

    private static io.restassured.response.ValidatableResponse decide(String user, String reviewId, String decision) {
        return post(user, REVIEWS + "/" + reviewId + "/decision", Map.of("decision", decision, "reason", "checked with the customer"));
    }
}
