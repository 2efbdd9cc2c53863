package dev.panorama.identity.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.devstack.test.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bulk imports over REST against real PostgreSQL and Keycloak: files in, jobs and error reports out, records resolvable. */
@QuarkusTest
class ImportsApiTest {

    private static final String IMPORTS = "/api/v1/identity/imports";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /**
     * This run's own family name: the run's hex digits spelt as letters, so no other run has it (its letters alone, a-f,
     * left some runs plain "Imrie", whose Ruby then matched an earlier run's Ruby in the CSV test).
     */
    private final String family = "Imrie" + run.chars().mapToObj(digit -> String.valueOf("bdfgjklmnprstvxz".charAt(Character.digit(digit, 16))))
            .collect(java.util.stream.Collectors.joining());
    /** Dates of birth of this run's people: shared dates would make them look like people of earlier runs. */
    private final java.time.LocalDate born = java.time.LocalDate.of(1930, 1, 1).plusDays(Math.floorMod(run.hashCode(), 25_000));

    @Test
    void anNdjsonFileStoresItsGoodRowsReportsItsBadOnesAndCanBePostedAgain() throws Exception {
        String ndjson = String.join("\n",
                line(person("crm", "N1-" + run, "Margaret", family, iso(0), "margaret." + run + "@example.com")),
                "{\"sourceSystem\": \"crm\", \"sourceId\": \"N2-" + run + "\", \"name\": {\"given\": ",
                line(person("crm", null, "Nobody", family, iso(1), "nobody." + run + "@example.com")),
                line(person("crm", "N4-" + run, "Olive", family, "1990-02-30", "olive." + run + "@example.com")),
                line(person("billing", "N5-" + run, "Margaret", family, slashed(0), "margaret." + run + "@example.com")),
                "",
                line(person("crm", "N7-" + run, "Theo", "Lindqvist" + family, iso(2), "theo." + run + "@example.com")))
                + "\n";

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> accepted =
                post("application/x-ndjson", ndjson, "").statusCode(202).extract();
        String jobId = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith(IMPORTS + "/" + jobId);
        JsonPath job = finished(jobId);
        assertThat(job.getString("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.getString("format")).isEqualTo("NDJSON");
        assertThat(job.getLong("rowsRead")).isEqualTo(6);
        assertThat(job.getLong("rowsStored")).isEqualTo(3);
        assertThat(job.getLong("rowsRejected")).isEqualTo(3);
        assertThat(job.getLong("rowsUnchanged")).isZero();
        assertThat(job.getMap("decisions")).containsEntry("NEW", 2).containsEntry("MATCHED", 1);
        assertThat(job.getString("submittedBy")).isNotBlank();
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();

        given().auth().oauth2(user("dana"))
                .when().get(IMPORTS + "/" + jobId + "/errors")
                .then().statusCode(200)
                .body("items.row", contains(2, 3, 4))
                .body("items.field", contains(null, "sourceId", "dateOfBirth"))
                .body("items[0].message", equalTo("not well-formed JSON"))
                .body("nextCursor", nullValue());

        String margaret = onlyCustomerWithEmail("margaret." + run + "@example.com");
        assertThat(onlyCustomerWithEmail("theo." + run + "@example.com")).isNotEqualTo(margaret);
        given().auth().oauth2(user("alice"))
                .when().get("/api/v1/identity/customers/" + margaret)
                .then().statusCode(200)
                .body("records", hasSize(2))
                .body("records.decision", hasItem("MATCHED"));

        String again = post("application/x-ndjson", ndjson, "").statusCode(202).extract().path("id");
        JsonPath resent = finished(again);
        assertThat(resent.getLong("rowsUnchanged")).isEqualTo(3);
        assertThat(resent.getLong("rowsStored")).isZero();
        assertThat(resent.getLong("rowsRejected")).isEqualTo(3);
    }

    @Test
    void aRowWithAnEmptyEntryInAListIsRejectedAndTheRowsAfterItAreStored() {
        Map<String, Object> emptyEntries = person("crm", "L2-" + run, "Leo", family, iso(7), "leo." + run + "@example.com");
        emptyEntries.put("addresses", java.util.Arrays.asList(Map.of("lines", java.util.Arrays.asList((String) null)), null));
        emptyEntries.put("identifiers", java.util.Arrays.asList((Object) null));
        String ndjson = String.join("\n",
                line(person("crm", "L1-" + run, "Lena", "Moss" + family, iso(6), "lena." + run + "@example.com")),
                line(emptyEntries),
                line(person("crm", "L3-" + run, "Lars", "Tiller" + family, iso(8), "lars." + run + "@example.com"))) + "\n";

        JsonPath job = finished(post("application/x-ndjson", ndjson, "").statusCode(202).extract().path("id"));
        assertThat(job.getString("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.getLong("rowsRead")).isEqualTo(3);
        assertThat(job.getLong("rowsStored")).isEqualTo(2);
        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
        given().auth().oauth2(user("dana"))
                .when().get(IMPORTS + "/" + job.getString("id") + "/errors")
                .then().statusCode(200)
                .body("items.row", org.hamcrest.Matchers.everyItem(equalTo(2)))
                .body("items.field", org.hamcrest.Matchers.containsInAnyOrder("addresses[0].lines[0]", "addresses[1]", "identifiers[0]"));
        onlyCustomerWithEmail("lars." + run + "@example.com");
    }

    @Test
    void aCsvFileTakesTheUploadsSourceSystemAndReportsBadRowsByRowAndField() {
        String csv = "sourceId,given,family,dateOfBirth,emails,addressLines,locality,postcode,identifiers\n"
                + "C1-" + run + ",Ruby," + family + "," + iso(3) + ",ruby." + run + "@example.com;ruby.work." + run
                + "@example.com,\"1 " + family + " Pl\",Cleveland," + postcode() + ",national-id:NI" + run + ";account-number:A" + run + "@ledger\n"
                + ",Sam," + family + "," + iso(4) + ",sam." + run + "@example.com,,,,\n"
                + "C3-" + run + ",Ida," + family + ",31/02/1980,ida." + run + "@example.com,,,,\n"
                + "C4-" + run + ",Ruby," + family + "," + slashed(3) + ",ruby." + run + "@example.com,\"1 " + family
                + " Pl\",Cleveland," + postcode() + ",\n"
                + "C5-" + run + ",Uma," + family + "," + iso(5) + ",uma." + run + "@example.com,,,,passport\n"
                + "C6-" + run + ",,,,,,,,\n";

        String jobId = post("text/csv", csv, "?sourceSystem=ledger").statusCode(202)
                .body("status", org.hamcrest.Matchers.oneOf("RUNNING", "COMPLETED_WITH_ERRORS"))
                .body("sourceSystem", equalTo("ledger"))
                .extract().path("id");
        JsonPath job = finished(jobId);
        assertThat(job.getString("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.getLong("rowsRead")).isEqualTo(6);
        assertThat(job.getLong("rowsStored")).isEqualTo(2);
        assertThat(job.getLong("rowsRejected")).isEqualTo(4);
        assertThat(job.getMap("decisions")).containsEntry("NEW", 1).containsEntry("MATCHED", 1);

        given().auth().oauth2(user("sam"))
                .queryParam("limit", 2)
                .when().get(IMPORTS + "/" + jobId + "/errors")
                .then().statusCode(200)
                .body("items.row", contains(3, 4))
                .body("items.field", contains("sourceId", "dateOfBirth"))
                .body("nextCursor", notNullValue());
        String cursor = given().auth().oauth2(user("sam")).queryParam("limit", 2)
                .when().get(IMPORTS + "/" + jobId + "/errors").then().extract().path("nextCursor");
        given().auth().oauth2(user("sam"))
                .queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(IMPORTS + "/" + jobId + "/errors")
                .then().statusCode(200)
                .body("items.row", contains(6, 7))
                .body("items.field", contains("identifiers[0]", null))
                .body("items[1].message", org.hamcrest.Matchers.containsString("nothing to recognise its customer by"))
                .body("nextCursor", nullValue());

        String ruby = onlyCustomerWithEmail("ruby.work." + run + "@example.com");
        given().auth().oauth2(user("alice"))
                .queryParam("type", "national-id").queryParam("value", "NI" + run)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds", contains(ruby));
        given().auth().oauth2(user("alice"))
                .when().get("/api/v1/identity/customers/" + ruby)
                .then().statusCode(200)
                .body("records.sourceSystem", contains("ledger", "ledger"));
    }

    @Test
    void aFileThatCannotBeAnImportIsRefusedBeforeAnyRow() {
        given().auth().oauth2(client("backoffice-system")).contentType("text/plain")
                .body("sourceId\n1\n".getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORTS)
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        post("text/csv", "sourceSystem,sourceId,shoeSize\ncrm,U1-" + run + ",44\n", "")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("header"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("unknown column 'shoeSize'"));
        post("text/csv", "sourceSystem,given\ncrm,Ann\n", "")
                .statusCode(400)
                .body("errors.message", hasItem("column 'sourceId' is required"));
    }

    @Test
    void aFileBeyondTheOrdinaryBodyLimitIsStreamedInWhileOtherBodiesStayWithinIt() {
        String padding = " ".repeat(4095) + "\n";
        StringBuilder ndjson = new StringBuilder(line(person("crm", "B1-" + run, "Bea", family, iso(9), null))).append('\n');
        ndjson.append(padding.repeat(3_000));
        ndjson.append(line(person("crm", "B2-" + run, "Bo", family, iso(10), null))).append('\n');
        assertThat(ndjson.length()).isGreaterThan(11 * 1024 * 1024);

        JsonPath job = finished(post("application/x-ndjson", ndjson.toString(), "").statusCode(202).extract().path("id"));
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsStored")).isEqualTo(2);

        given().auth().oauth2(client("backoffice-system")).contentType("application/json")
                .body(("{\"sourceSystem\":\"crm\",\"sourceId\":\"B3-" + run + "\"}" + padding.repeat(3_000))
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/identity/records")
                .then().statusCode(413);
    }

    @jakarta.inject.Inject
    ImportJobs jobs;

    @Test
    void aJobLeftRunningByAStoppedProcessIsMarkedInterrupted() throws Throwable {
        dev.panorama.identity.imports.persistence.ImportJobEntity left = new dev.panorama.identity.imports.persistence.ImportJobEntity();
        left.id = UUID.randomUUID();
        left.status = dev.panorama.identity.imports.persistence.ImportJobEntity.Status.RUNNING;
        left.format = "CSV";
        left.submittedBy = "a stopped process";
        left.createdAt = java.time.Instant.now().minus(Duration.ofHours(1));
        left.heartbeatAt = left.createdAt;
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                .withTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                        .chain(session -> session.persist(left))));

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> jobs.interruptAbandoned());

        given().auth().oauth2(user("ada")).when().get(IMPORTS + "/" + left.id)
                .then().statusCode(200)
                .body("status", equalTo("INTERRUPTED"))
                .body("failure", org.hamcrest.Matchers.containsString("posting the file again is safe"))
                .body("finishedAt", notNullValue());
    }

    @Test
    void jobsAreListedNewestFirstInPages() {
        String older = post("application/x-ndjson", line(person("crm", "L1-" + run, "Lea", family, iso(6), null)), "")
                .statusCode(202).extract().path("id");
        String newer = post("application/x-ndjson", line(person("crm", "L2-" + run, "Lou", family, iso(7), null)), "")
                .statusCode(202).extract().path("id");
        finished(older);
        finished(newer);

        String admin = user("ada");
        JsonPath first = given().auth().oauth2(admin).queryParam("limit", 1)
                .when().get(IMPORTS).then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertThat(first.getString("items[0].id")).isEqualTo(newer);
        given().auth().oauth2(admin).queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .when().get(IMPORTS).then().statusCode(200)
                .body("items[0].id", equalTo(older))
                .body("items[0].status", equalTo("COMPLETED"));
        given().auth().oauth2(admin).queryParam("cursor", "not-a-cursor")
                .when().get(IMPORTS).then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void onlySystemsAndAdminsImportAndStaffWhoOverseeThemRead() {
        byte[] body = line(person("crm", "R1-" + run, "Ava", family, iso(8), null)).getBytes(StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(body).when().post(IMPORTS).then().statusCode(401);
        given().auth().oauth2(user("alice")).contentType("application/x-ndjson").body(body)
                .when().post(IMPORTS).then().statusCode(403);
        given().auth().oauth2(user("dana")).contentType("application/x-ndjson").body(body)
                .when().post(IMPORTS).then().statusCode(403);
        String jobId = given().auth().oauth2(client("channel-adapter")).contentType("application/x-ndjson")
                .body(body).when().post(IMPORTS).then().statusCode(202).extract().path("id");
        given().auth().oauth2(user("ada")).contentType("application/x-ndjson").body(body)
                .when().post(IMPORTS).then().statusCode(202);

        for (String path : List.of(IMPORTS, IMPORTS + "/" + jobId, IMPORTS + "/" + jobId + "/errors")) {
            given().when().get(path).then().statusCode(401);
            given().auth().oauth2(user("alice")).when().get(path).then().statusCode(403);
            given().auth().oauth2(user("carl")).when().get(path).then().statusCode(403);
            for (String reader : List.of("sam", "dana", "ada")) {
                given().auth().oauth2(user(reader)).when().get(path).then().statusCode(200);
            }
            given().auth().oauth2(client("backoffice-system")).when().get(path).then().statusCode(200);
        }

        String unknown = IMPORTS + "/" + UUID.randomUUID();
        given().auth().oauth2(user("dana")).when().get(unknown)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(user("dana")).when().get(unknown + "/errors").then().statusCode(404);
    }

    /** Tokens outlive this class's run; asking Keycloak once per user spares a shared machine. */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String user(String name) {
        return TOKENS.computeIfAbsent("user:" + name, ignored -> KeycloakTokens.forUser(name));
    }

    private static String client(String id) {
        return TOKENS.computeIfAbsent("client:" + id, ignored -> KeycloakTokens.forClient(id));
    }

    private static io.restassured.response.ValidatableResponse post(String contentType, String body, String query) {
        return given().auth().oauth2(client("backoffice-system"))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORTS + query)
                .then().log().ifValidationFails();
    }

    private static JsonPath finished(String jobId) {
        String token = client("backoffice-system");
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> job[0] != null && job[0].getString("status").equals("FAILED"))
                .conditionEvaluationListener(condition -> {
                    if (!condition.isSatisfied() && condition.getRemainingTimeInMS() < 300) {
                        System.out.println("import job still unfinished: " + job[0].prettify());
                    }
                })
                .until(() -> {
                    job[0] = given().auth().oauth2(token).when().get(IMPORTS + "/" + jobId)
                            .then().statusCode(200).extract().jsonPath();
                    return !List.of("RECEIVING", "RUNNING").contains(job[0].getString("status"));
                });
        return job[0];
    }

    private static String onlyCustomerWithEmail(String email) {
        List<String> customers = given().auth().oauth2(user("alice"))
                .queryParam("type", "email").queryParam("value", email)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).extract().path("customerIds");
        assertThat(customers).as("customers carrying the address").hasSize(1);
        return customers.getFirst();
    }

    private String iso(int person) {
        return born.plusDays(person * 400L).toString();
    }

    private String slashed(int person) {
        return born.plusDays(person * 400L).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private String postcode() {
        return Integer.toString(1000 + Math.floorMod(run.hashCode(), 9000));
    }

    /** A person living at an address of their own, in the JSON shape of POST /api/v1/identity/records. */
    private Map<String, Object> person(String system, String id, String given, String family, String birth, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("sourceSystem", system, "name", Map.of("given", given, "family", family),
                "dateOfBirth", birth, "addresses", List.of(Map.of("lines", List.of("1 " + family + " Pl"), "locality", "Cleveland",
                        "postcode", postcode()))));
        if (id != null) {
            body.put("sourceId", id);
        }
        if (email != null) {
            body.put("emails", List.of(email));
        }
        return body;
    }

    private static String line(Map<String, Object> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
