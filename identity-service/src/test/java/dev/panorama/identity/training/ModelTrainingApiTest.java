package dev.panorama.identity.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import dev.panorama.devstack.test.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Training the match model by EM from stored records, reading its versions, and going back to an earlier one. */
@QuarkusTest
class ModelTrainingApiTest {

    private static final String[] GIVEN = {"amelia", "oscar", "isla", "theo", "freya", "arthur", "grace", "leo", "ruby", "jack"};
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void backToThePriors() {
        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().post("/api/v1/identity/model/versions/0/activation")
                .then().statusCode(200);
    }

    @Test
    void aTrainedModelIsStoredAsANewVersionAndBecomesActive() {
        storePeopleWithDuplicates(30);

        int version = given().auth().oauth2(KeycloakTokens.forUser("dana"))
                .when().post("/api/v1/identity/model/train")
                .then().log().ifValidationFails().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/identity/model/versions/"))
                .body("version", greaterThan(0))
                .body("trainedBy", equalTo("dana"))
                .body("pairs", greaterThanOrEqualTo(30))
                .body("converged", equalTo(true))
                .body("problems", empty())
                .body("active", equalTo(true))
                .body("fields", hasSize(10))
                .body("fields.find { it.field == 'birth_date' }.levels", hasSize(4))
                .extract().path("version");

        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get("/api/v1/identity/model")
                .then().statusCode(200).body("version", equalTo(version)).body("active", equalTo(true));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("limit", 1).when().get("/api/v1/identity/model/versions")
                .then().statusCode(200)
                .body("items.version", equalTo(List.of(version)))
                .body("nextCursor", equalTo(version));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("cursor", version).when().get("/api/v1/identity/model/versions")
                .then().statusCode(200).body("items.version", org.hamcrest.Matchers.hasItem(0))
                .body("items.find { it.version == 0 }.active", equalTo(false));
    }

    @Test
    void anEarlierVersionCanBeActivatedAgain() {
        storePeopleWithDuplicates(10);
        int trained = given().auth().oauth2(KeycloakTokens.forUser("ada")).when().post("/api/v1/identity/model/train")
                .then().statusCode(201).extract().path("version");

        given().auth().oauth2(KeycloakTokens.forUser("ada")).when().post("/api/v1/identity/model/versions/0/activation")
                .then().statusCode(200).body("version", equalTo(0)).body("active", equalTo(true)).body("trainedBy", equalTo("priors"));

        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get("/api/v1/identity/model")
                .then().statusCode(200).body("version", equalTo(0));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get("/api/v1/identity/model/versions/" + trained)
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().post("/api/v1/identity/model/versions/99999/activation")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://panorama.dev/problems/unknown-model-version"));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).when().get("/api/v1/identity/model/versions/99999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyStewardsAndAdminsTrainAndOnlyStaffWhoTuneMatchingReadTheModel() {
        given().when().post("/api/v1/identity/model/train").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().post("/api/v1/identity/model/train").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().post("/api/v1/identity/model/train").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).when().post("/api/v1/identity/model/train")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/identity/model").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/identity/model/versions").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().post("/api/v1/identity/model/versions/0/activation")
                .then().statusCode(403);
        given().when().get("/api/v1/identity/model").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forged()).when().get("/api/v1/identity/model").then().statusCode(401);
    }

    @Test
    void aPageLimitOutOfRangeIsABadRequest() {
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("limit", 1000).when().get("/api/v1/identity/model/versions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    TrainingSchedule schedule;

    @jakarta.inject.Inject
    dev.panorama.identity.training.persistence.ModelStore models;

    @jakarta.inject.Inject
    StoredModels stored;

    @Test
    void theScheduleWaitsItsIntervalAfterAVersionThePlausibilityCheckKeptFromActivation() throws Throwable {
        storePeopleWithDuplicates(30);
        java.time.Instant now = java.time.Instant.now();
        int refused = inTransaction(() -> ageEveryVersion(now.minus(java.time.Duration.ofDays(2)))
                .chain(models::latestVersion)
                .chain(latest -> storeRefusedVersion(latest + 1, now)));

        inTransaction(() -> schedule.trainWhenDue().replaceWith(0));
        assertNewestVersion(refused);

        inTransaction(() -> ageEveryVersion(now.minus(java.time.Duration.ofDays(2))).replaceWith(0));
        inTransaction(() -> schedule.trainWhenDue().replaceWith(0));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("limit", 1).when().get("/api/v1/identity/model/versions")
                .then().statusCode(200)
                .body("items[0].version", equalTo(refused + 1))
                .body("items[0].trainedBy", equalTo(TrainingSchedule.ACTOR));
    }

    @Test
    void theScheduleTrainsAgainOnceTheStoreHasGrownTwiceTheRecordsTheNewestVersionWasEstimatedAmong() throws Throwable {
        storePeopleWithDuplicates(30);
        java.time.Instant now = java.time.Instant.now();
        TrainingDue doubled = new TrainingDue(java.time.Duration.ofDays(1), Long.MAX_VALUE, 2);
        int amongMany = inTransaction(() -> models.latestVersion().chain(latest -> storeRefusedVersion(latest + 1, now, 1_000_000_000L)));

        inTransaction(() -> schedule.trainWhenDue(doubled).replaceWith(0));
        assertNewestVersion(amongMany);

        int amongFew = inTransaction(() -> storeRefusedVersion(amongMany + 1, now, 10L));
        inTransaction(() -> schedule.trainWhenDue(doubled).replaceWith(0));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("limit", 1).when().get("/api/v1/identity/model/versions")
                .then().statusCode(200)
                .body("items[0].version", equalTo(amongFew + 1))
                .body("items[0].trainedBy", equalTo(TrainingSchedule.ACTOR))
                .body("items[0].records", greaterThanOrEqualTo(60));
    }

    private io.smallrye.mutiny.Uni<Integer> ageEveryVersion(java.time.Instant trainedAt) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                .createMutationQuery("update MatchModelEntity set trainedAt = :at").setParameter("at", trainedAt).executeUpdate());
    }

    private io.smallrye.mutiny.Uni<Integer> storeRefusedVersion(int version, java.time.Instant now) {
        return storeRefusedVersion(version, now, 1_000L);
    }

    private io.smallrye.mutiny.Uni<Integer> storeRefusedVersion(int version, java.time.Instant now, long records) {
        dev.panorama.identity.matching.MatchModel priors = dev.panorama.identity.matching.MatchModel.priors();
        dev.panorama.identity.matching.MatchModel model = new dev.panorama.identity.matching.MatchModel(version, priors.m(),
                priors.u(), priors.priorWeight(), priors.linkThreshold(), priors.reviewThreshold());
        return models.persist(stored.entity(model, null, 20_000, records, List.of("locality: exact agreement is not more likely among matches"),
                "dana", now)).replaceWith(version);
    }

    private void assertNewestVersion(int version) {
        given().auth().oauth2(KeycloakTokens.forUser("dana")).queryParam("limit", 1).when().get("/api/v1/identity/model/versions")
                .then().statusCode(200).body("items[0].version", equalTo(version)).body("items[0].active", equalTo(false));
    }

    private static int inTransaction(java.util.function.Supplier<io.smallrye.mutiny.Uni<Integer>> work) throws Throwable {
        return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                io.quarkus.hibernate.reactive.panache.Panache.withTransaction(work));
    }

    /** People, each stored by two systems with small differences, so that blocking finds candidate pairs. */
    private void storePeopleWithDuplicates(int people) {
        Random random = new Random(run.hashCode());
        for (int i = 0; i < people; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = "trainee" + run.replaceAll("[0-9]", "") + (char) ('a' + i % 26) + (char) ('a' + i / 26);
            String birth = (1950 + random.nextInt(50)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            store("crm", "T" + i + "-" + run, given, family, birth, family + "@example.com");
            store("billing", "T" + i + "-" + run, given, family, birth, i % 2 == 0 ? family + "@example.org" : null);
        }
    }

    private static void store(String system, String id, String given, String family, String birth, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sourceSystem", system, "sourceId", id,
                "name", Map.of("given", given, "family", family), "dateOfBirth", birth));
        if (email != null) {
            body.put("emails", List.of(email));
        }
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(body)
                .when().post("/api/v1/identity/records").then().statusCode(201);
    }
}
