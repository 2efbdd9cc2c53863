package dev.panorama.gateway.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.panorama.gateway.testing.SeededPersonalData.EMAIL_LOCAL_PART;
import static dev.panorama.gateway.testing.SeededPersonalData.FAMILY_NAME;
import static dev.panorama.gateway.testing.SeededPersonalData.GIVEN_NAME;
import static dev.panorama.gateway.testing.SeededPersonalData.PHONE;
import static dev.panorama.gateway.testing.SeededPersonalData.STREET;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.panorama.devstack.test.KeycloakConsoleClient;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstream;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent console in Debian's Chromium, driven by Playwright: alice logs in through the real
 * Keycloak (authorization code + PKCE) and sees the presence routing has for her, finds a customer, opens
 * the 360-degree view, becomes available and receives an offer, accepts it, and after page reloads still
 * has the task to wrap up and complete; the presence switch follows what routing says on the event stream
 * and after it reconnects; an offer arriving while she reads a profile or searches is counted and announced, and she
 * accepts it from the inbox. Behind the gateway the services are fakes answering what the real ones answer
 * (identity's CustomerView and lookup shapes, profile-service's ProfileView, interaction-service's timeline
 * page; routing-service's agent endpoints and event stream, kept with their state by {@link AgentRoutingFake}).
 * Screenshots go to target/screenshots.
 */
@QuarkusTest
class ConsoleEndToEndTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final String EMAIL = EMAIL_LOCAL_PART + "." + CUSTOMER.toString().substring(0, 8) + "@example.org";

    private static Playwright playwright;
    private static BrowserContext browser;
    private static boolean consoleOriginAllowed;
    private final AgentRoutingFake routing = new AgentRoutingFake();

    @BeforeAll
    static void browser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").exists();
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launchPersistentContext(Files.createTempDirectory("console-chromium"),
                new BrowserType.LaunchPersistentContextOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true).setViewportSize(1280, 900)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void services() throws Exception {
        if (!consoleOriginAllowed) {
            // the test port is known once the application runs, not in @BeforeAll
            KeycloakConsoleClient.allowOrigin(KeycloakTokens.issuer(), "http://127.0.0.1:" + Gateway.port());
            consoleOriginAllowed = true;
        }
        Gateway.healthyUpstreams();
        FakeUpstreams.get("identity-service").answer(this::identity);
        FakeUpstreams.get("profile-service").answer(this::profiles);
        FakeUpstreams.get("interaction-service").answer(request -> json(request, timeline()));
        FakeUpstreams.get("routing-service").answer(routing::handle);
    }

    /** Each test starts logged out, without another test's page listening on its routing's event stream. */
    @AfterEach
    void closePagesAndLogOut() {
        browser.pages().forEach(Page::close);
        browser.clearCookies();
    }

    @Test
    void anAgentLogsInFindsACustomerSeesThe360ViewAndWorksOnAnOfferAcrossReloads() {
        routing.presence("AWAY", "supervisor");
        Page page = browser.newPage();
        page.navigate("http://127.0.0.1:" + Gateway.port() + "/");
        page.click("#login");
        page.fill("#username", "alice");
        page.fill("#password", "panorama");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("01-keycloak-login.png")));
        page.click("#kc-login");
        assertThat(page.locator("#who")).hasText("alice");
        // the switch shows the presence routing has for alice, not a default
        assertThat(page.locator("#presence")).hasValue("AWAY");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("01b-presence-from-routing.png")));

        page.selectOption("#search-type", "name");
        page.fill("#search-value", FAMILY_NAME + ", " + GIVEN_NAME);
        page.click("form.search button");
        assertThat(page.locator(".customer-link")).hasText(GIVEN_NAME + " " + FAMILY_NAME);
        assertThat(page.locator("#search-results")).containsText(EMAIL);
        assertThat(page.locator("#search-more")).containsText("More customers match");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("02-search-by-name.png")));
        assertThat(FakeUpstreams.get("profile-service").received()).extracting(FakeUpstream.Received::uri)
                .contains("/api/v1/profiles?q=" + FAMILY_NAME + "%2C%20" + GIVEN_NAME + "&limit=20");

        page.selectOption("#search-type", "email");
        page.fill("#search-value", EMAIL);
        page.click("form.search button");
        page.waitForCondition(() -> !FakeUpstreams.get("identity-service").received().isEmpty());
        assertThat(page.locator(".customer-link")).hasText(GIVEN_NAME + " " + FAMILY_NAME);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("02-search.png")));
        page.click(".customer-link");
        assertThat(page.locator("#identity h3")).hasText(GIVEN_NAME + " " + FAMILY_NAME);
        assertThat(page.locator("#identity table.records")).containsText("accounts-receivable");
        assertThat(page.locator("#identity dl")).containsText(STREET + ", LS1 1AA, Leeds, GB");
        assertThat(page.locator("#profile")).containsText("GOLD");
        assertThat(page.locator("#profile")).containsText("Has an unresolved problem");
        assertThat(page.locator("#timeline")).containsText("Card declined twice");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("03-customer-360.png")).setFullPage(true));
        FakeUpstream.Received lookup = FakeUpstreams.get("identity-service").received().getFirst();
        assertThat(lookup.uri()).startsWith("/api/v1/identity/lookup?type=email&value=");
        assertThat(lookup.header("Authorization")).startsWith("Bearer ");

        UUID taskId = UUID.randomUUID();
        routing.waiting(new JsonObject().put("id", taskId.toString()).put("channel", "EMAIL").put("queueId", "billing")
                .put("priority", 50).put("subject", "Card declined twice").put("customerId", CUSTOMER.toString()));
        page.click("a[data-tab=inbox]");
        assertThat(page.locator("#offers")).containsText("No offers right now.");
        assertThat(page.locator("#work")).containsText("Nothing accepted.");
        // the inbox listens on its event stream and stops polling: what follows shows because it is pushed
        page.waitForCondition(routing::listening);
        page.waitForTimeout(500);
        long reads = routingCalls().stream().filter("GET /api/v1/routing/agents/me/offers"::equals).count();
        page.waitForTimeout(3000);
        assertThat(routingCalls().stream().filter("GET /api/v1/routing/agents/me/offers"::equals).count())
                .as("no polling (every 2 s) while the stream is open").isEqualTo(reads);

        // away, nothing was offered; available, routing offers the waiting task
        page.selectOption("#presence", "AVAILABLE");
        assertThat(page.locator(".offer")).containsText("Card declined twice");
        assertThat(lastPresenceChosen()).isEqualTo("AVAILABLE");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("04-offer.png")));
        page.click(".offer button.accept");
        assertThat(page.locator(".task")).containsText("Card declined twice");
        assertThat(routingCalls()).anyMatch(call -> call.startsWith("POST /api/v1/routing/offers/") && call.endsWith("/acceptance"));
        assertThat(page.locator("#offers")).containsText("No offers right now.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05-accepted.png")));

        // a reload (as a login again or a second tab) reads the work routing holds for alice: wrap it up from there
        page.reload();
        assertThat(page.locator(".task[data-task='" + taskId + "']")).containsText("Card declined twice");
        assertThat(page.locator(".task")).hasAttribute("data-state", "ASSIGNED");
        assertThat(page.locator("#presence")).hasValue("AVAILABLE");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05b-work-after-reload.png")));
        page.click(".task button.wrap-up");
        assertThat(page.locator(".task")).hasAttribute("data-state", "WRAP_UP");
        assertThat(page.locator(".task")).containsText("in wrap-up until");
        FakeUpstream.Received wrapUp = FakeUpstreams.get("routing-service").received().stream()
                .filter(call -> call.uri().equals("/api/v1/routing/tasks/" + taskId + "/wrap-up")).findFirst().orElseThrow();
        assertThat(new JsonObject(wrapUp.body()).getString("disposition")).isEqualTo("resolved");
        // routing set alice WRAP_UP (pushed): shown, not to be chosen
        assertThat(page.locator("#presence")).hasValue("WRAP_UP");
        assertThat(page.locator("#presence option[value=WRAP_UP]")).hasJSProperty("disabled", true);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05c-wrap-up.png")));

        // reloaded again, the task in wrap-up is there to complete; routing makes alice available again
        page.reload();
        assertThat(page.locator(".task[data-task='" + taskId + "']")).hasAttribute("data-state", "WRAP_UP");
        assertThat(page.locator("#presence")).hasValue("WRAP_UP");
        page.click(".task button.complete");
        assertThat(page.locator("#work")).containsText("Nothing accepted.");
        assertThat(routingCalls()).contains("POST /api/v1/routing/tasks/" + taskId + "/completion");
        assertThat(page.locator("#presence")).hasValue("AVAILABLE");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("05d-completed.png")));

        // routing sets alice away (as after missed offers): the switch follows the stream
        page.waitForCondition(routing::listening);
        routing.presence("AWAY", "missed-offers");
        assertThat(page.locator("#presence")).hasValue("AWAY");
        // the stream ends and a change goes unheard: the console connects again and reads afresh
        int streams = routing.streamsOpened();
        routing.endStream();
        routing.presence("OFFLINE", "supervisor");
        page.waitForCondition(() -> routing.streamsOpened() > streams);
        assertThat(page.locator("#presence")).hasValue("OFFLINE");

        page.selectOption("#presence", "BUSY");
        page.waitForCondition(() -> "BUSY".equals(routing.presence()));
        assertThat(lastPresenceChosen()).isEqualTo("BUSY");
        assertThat(page.locator("#presence")).hasValue("BUSY");
    }

    @Test
    void anOfferArrivingWhileTheAgentReadsAProfileOrSearchesIsAnnouncedAndAcceptedFromTheInbox() {
        routing.presence("AVAILABLE", "agent");
        Page page = loggedIn();
        page.navigate("http://127.0.0.1:" + Gateway.port() + "/#/customers/" + CUSTOMER);
        assertThat(page.locator("#identity h3")).hasText(GIVEN_NAME + " " + FAMILY_NAME);
        assertThat(page.locator("#offer-count")).isHidden();
        assertThat(page.locator("#offer-notice")).isHidden();

        // routing offers alice a task while she reads the customer's profile: counted on the Inbox tab and announced
        UUID taskId = UUID.randomUUID();
        routing.waiting(new JsonObject().put("id", taskId.toString()).put("channel", "EMAIL").put("queueId", "billing")
                .put("priority", 50).put("subject", "Card declined twice").put("customerId", CUSTOMER.toString()));
        assertThat(page.locator("a[data-tab=inbox] #offer-count")).hasText("1");
        assertThat(page.locator("#offer-notice")).isVisible();
        assertThat(page.locator("#offer-notice")).containsText("New offer: Card declined twice");
        assertThat(page.locator("#identity h3")).hasText(GIVEN_NAME + " " + FAMILY_NAME); // she stays where she is
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("07-offer-announced-on-a-profile.png")));

        // she goes to the inbox from the notice and accepts it in time
        page.click("#offer-notice a");
        assertThat(page.locator(".offer")).containsText("Card declined twice");
        assertThat(page.locator("#offer-notice")).isHidden(); // the inbox shows it
        page.click(".offer button.accept");
        assertThat(page.locator(".task[data-task='" + taskId + "']")).containsText("Card declined twice");
        assertThat(routingCalls()).anyMatch(call -> call.startsWith("POST /api/v1/routing/offers/") && call.endsWith("/acceptance"));
        assertThat(page.locator("#offer-count")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("07b-offer-accepted-from-the-notice.png")));

        // searching, the next offer is announced too; seen in the inbox, it is no longer news elsewhere
        page.click("a[data-tab=customers]");
        assertThat(page.locator("#search-value")).isVisible();
        routing.waiting(new JsonObject().put("id", UUID.randomUUID().toString()).put("channel", "PHONE").put("queueId", "billing")
                .put("priority", 50).put("subject", "Call back about the card").put("customerId", CUSTOMER.toString()));
        assertThat(page.locator("#offer-count")).hasText("1");
        assertThat(page.locator("#offer-notice")).containsText("New offer: Call back about the card");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("07c-offer-announced-while-searching.png")));
        page.click("a[data-tab=inbox]");
        assertThat(page.locator(".offer")).containsText("Call back about the card");
        page.click("a[data-tab=customers]");
        assertThat(page.locator("#search-value")).isVisible();
        assertThat(page.locator("#offer-count")).hasText("1");
        assertThat(page.locator("#offer-notice")).isHidden();
    }

    @Test
    void aServiceThatIsDownIsShownAsNotAvailableWhileTheRestWorks() {
        Page page = loggedIn();
        FakeUpstreams.get("profile-service").down();
        page.navigate("http://127.0.0.1:" + Gateway.port() + "/#/customers/" + CUSTOMER);
        assertThat(page.locator("#identity h3")).hasText(GIVEN_NAME + " " + FAMILY_NAME);
        assertThat(page.locator("#profile [data-unavailable=Profile]")).hasText("Profile: not available right now");
        assertThat(page.locator("#timeline")).containsText("Card declined twice");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("06-profile-down.png")).setFullPage(true));
    }

    /** A new page with alice logged in through Keycloak's form. */
    private static Page loggedIn() {
        Page page = browser.newPage();
        page.navigate("http://127.0.0.1:" + Gateway.port() + "/");
        page.click("#login");
        page.fill("#username", "alice");
        page.fill("#password", "panorama");
        page.click("#kc-login");
        assertThat(page.locator("#who")).hasText("alice");
        return page;
    }

    private List<String> routingCalls() {
        return FakeUpstreams.get("routing-service").received().stream().map(call -> call.method() + " " + call.uri()).toList();
    }

    /** The presence the console last asked routing for, if any. */
    private String lastPresenceChosen() {
        return FakeUpstreams.get("routing-service").received().stream()
                .filter(call -> call.method().equals("PUT") && call.uri().equals("/api/v1/routing/agents/me/presence"))
                .reduce((first, second) -> second).map(call -> new JsonObject(call.body()).getString("presence")).orElse(null);
    }

    /** A search answers a page of profiles (more to come); any other read, the customer's profile. */
    private void profiles(HttpServerRequest request) {
        FakeUpstreams.get("profile-service").record(request, "");
        json(request, request.path().equals("/api/v1/profiles")
                ? new JsonObject().put("items", new JsonArray().add(profile())).put("nextCursor", CUSTOMER.toString()) : profile());
    }

    private void identity(HttpServerRequest request) {
        FakeUpstream identity = FakeUpstreams.get("identity-service");
        identity.record(request, "");
        if (request.path().equals("/api/v1/identity/lookup")) {
            boolean known = EMAIL.equals(request.getParam("value"));
            json(request, new JsonObject().put("type", "email").put("customerIds", known ? new JsonArray().add(CUSTOMER.toString()) : new JsonArray()));
        } else if (request.path().equals("/api/v1/identity/customers/" + CUSTOMER)) {
            json(request, customer());
        } else {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json").end("{\"status\":404}");
        }
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** identity-service's CustomerView. */
    private static JsonObject customer() {
        JsonArray sources = new JsonArray().add(new JsonObject().put("sourceSystem", "sales").put("sourceId", "S-1001"));
        return new JsonObject().put("id", CUSTOMER.toString()).put("status", "ACTIVE")
                .put("golden", new JsonObject()
                        .put("name", new JsonObject().put("value", new JsonObject().put("given", GIVEN_NAME).put("family", FAMILY_NAME))
                                .put("rule", "most-trusted-source").put("sources", sources))
                        .put("birthDate", new JsonObject().put("value", "1986-12-09").put("rule", "most-frequent").put("sources", sources))
                        .put("emails", new JsonObject().put("primary", EMAIL)
                                .put("values", new JsonArray().add(new JsonObject().put("value", EMAIL).put("rule", "all").put("sources", sources))))
                        .put("phones", new JsonObject().put("primary", PHONE)
                                .put("values", new JsonArray().add(new JsonObject().put("value", PHONE).put("rule", "all").put("sources", sources))))
                        .put("address", new JsonObject().put("value", new JsonObject().put("lines", new JsonArray().add(STREET))
                                .put("locality", "Leeds").put("postalCode", "LS1 1AA").put("country", "GB")).put("rule", "most-recent").put("sources", sources)))
                .put("identifiers", new JsonArray().add(new JsonObject().put("type", "customer-number").put("value", "S-1001").put("issuer", "sales").put("sources", sources)))
                .put("records", new JsonArray()
                        .add(new JsonObject().put("recordId", UUID.randomUUID().toString()).put("sourceSystem", "sales").put("sourceId", "S-1001")
                                .put("version", 1).put("receivedAt", "2026-01-04T09:00:00Z").put("decision", "NEW"))
                        .add(new JsonObject().put("recordId", UUID.randomUUID().toString()).put("sourceSystem", "accounts-receivable").put("sourceId", "AR-77")
                                .put("version", 2).put("receivedAt", "2026-02-11T14:30:00Z").put("decision", "MATCHED").put("probability", 0.97)));
    }

    /** profile-service's ProfileView. */
    private static JsonObject profile() {
        return new JsonObject().put("customerId", CUSTOMER.toString()).put("name", GIVEN_NAME + " " + FAMILY_NAME)
                .put("emails", new JsonArray().add(EMAIL)).put("phones", new JsonArray().add(PHONE)).put("tier", "GOLD").put("segments", new JsonArray().add("frequent-flyer"))
                .put("relationshipValue", 18250.40)
                .put("openCases", new JsonArray().add(new JsonObject().put("sourceSystem", "service-desk").put("caseId", "C-5521").put("kind", "COMPLAINT")
                        .put("subject", "Card declined twice").put("severity", "high").put("openedAt", "2026-03-01T08:15:00Z")))
                .put("offers", new JsonArray().add(new JsonObject().put("sourceSystem", "marketing").put("offerId", "O-9").put("product", "Platinum card")
                        .put("channel", "EMAIL").put("sentAt", "2026-02-20T10:00:00Z")))
                .put("holdings", new JsonArray().add(new JsonObject().put("sourceSystem", "accounts-receivable").put("accountId", "AR-77")
                        .put("product", "Credit card").put("lineOfBusiness", "cards").put("status", "ACTIVE")))
                .put("interactions", new JsonObject().put("total", 12).put("preferredChannel", "EMAIL"))
                .put("insights", new JsonObject()
                        .put("otherAccounts", new JsonObject().put("answer", true).put("facts", new JsonArray()))
                        .put("recentOffer", new JsonObject().put("answer", true).put("facts", new JsonArray()))
                        .put("unresolvedProblem", new JsonObject().put("answer", true).put("facts", new JsonArray())));
    }

    /** interaction-service's timeline page. */
    private static JsonObject timeline() {
        return new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("interactionId", UUID.randomUUID().toString()).put("customerId", CUSTOMER.toString()).put("channel", "EMAIL")
                        .put("direction", "INBOUND").put("occurredAt", "2026-03-01T08:10:00Z").put("subject", "Card declined twice")
                        .put("text", "My card was declined twice at the airport."))
                .add(new JsonObject().put("interactionId", UUID.randomUUID().toString()).put("customerId", CUSTOMER.toString()).put("channel", "PHONE")
                        .put("direction", "OUTBOUND").put("occurredAt", "2026-02-21T16:00:00Z").put("subject", "Platinum card offer")))
                .put("nextCursor", null);
    }
}
