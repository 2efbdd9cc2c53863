package dev.panorama.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.panorama.devstack.test.KeycloakConsoleClient;
import dev.panorama.events.channel.Channel;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.Routing;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent console in Debian's Chromium, driven by Playwright, against the real suite (every service, the gateway
 * serving this build's console, Keycloak): alice logs in through Keycloak, finds a customer seeded through identity by
 * name and by e-mail, opens the 360-degree view (golden record, profile, the timeline with her contact), goes from the
 * presence routing has for her (away) to available in the inbox, is offered a callback a supervisor created for her
 * while she watches, accepts it and has it under "Your work" (routing holds it as assigned to her), wraps it up,
 * completes it and goes offline. Screenshots of each step go to {@code target/screenshots}.
 */
@Order(6)
@ExtendWith(WholeSuite.class)
class AgentConsoleIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target/screenshots");
    private static final String AGENT = "alice";
    private static final String BACK_OFFICE = "private-banking";

    @Test
    void an_agent_finds_a_customer_in_the_console_sees_her_360_view_and_takes_an_offer_as_it_arrives(Panorama panorama)
            throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").exists();
        Files.createDirectories(SCREENSHOTS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = seedCustomer(panorama, run);

        Routing routing = new Routing(panorama);
        Caller sam = routing.supervisor();
        Caller.Reply aliceBefore = sam.get("/api/v1/routing/agents/" + AGENT);
        // a skill and a queue of this run only: what is offered to alice is this journey's callback and nothing else
        String skill = "console-" + run;
        String queue = "console-" + run;
        routing.skill(skill);
        int status = sam.put("/api/v1/routing/queues/" + queue, Map.of("name", "Console callbacks " + run, "strategy", "BEST_SCORE",
                "offerTimeoutSeconds", 600, "wrapUpSeconds", 600)).status();
        assertThat(status).as("the queue " + queue).isIn(200, 201);
        routing.agent(AGENT, Map.of(skill, 4), Map.of(Channel.VIDEO, 1));
        routing.presence(AGENT, "AWAY");

        String gateway = panorama.gatewayUrl();
        KeycloakConsoleClient.allowOrigin(panorama.issuer(), gateway);
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000); // the whole suite shares two cores with the browser
        String taskId = null;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                BrowserContext browser = playwright.chromium().launchPersistentContext(Files.createTempDirectory("console-journey-chromium"),
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(CHROMIUM).setHeadless(true).setViewportSize(1280, 900)
                                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                        "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            browser.setDefaultTimeout(60_000);
            Page page = browser.newPage();

            page.navigate(gateway + "/");
            page.click("#login");
            page.fill("#username", AGENT);
            page.fill("#password", "panorama");
            shot(page, "01-keycloak-login");
            page.click("#kc-login");
            assertThat(page.locator("#who")).hasText(AGENT);
            assertThat(page.locator("#presence")).hasValue("AWAY"); // the presence routing has for her, not a default
            shot(page, "02-logged-in-away");

            // by name: profile-service's search, family name first as an agent may type it
            page.selectOption("#search-type", "name");
            page.fill("#search-value", customer.family() + ", " + customer.given());
            page.click("form.search button");
            assertThat(page.locator(".customer-link")).hasText(customer.given() + " " + customer.family());
            assertThat(page.locator("#search-results")).containsText(customer.email());
            assertThat(page.locator("#search-more")).hasCount(0);
            shot(page, "03-search-by-name");

            // by e-mail: identity-service's lookup and golden record
            page.selectOption("#search-type", "email");
            page.fill("#search-value", customer.email());
            page.click("form.search button");
            assertThat(page.locator(".customer-link")).hasText(customer.given() + " " + customer.family());
            assertThat(page.locator(".customer-link")).hasAttribute("href", "#/customers/" + customer.id());
            shot(page, "04-search-by-email");

            page.click(".customer-link");
            assertThat(page.locator("#identity h3")).hasText(customer.given() + " " + customer.family());
            assertThat(page.locator("#identity")).containsText("Customer " + customer.id());
            assertThat(page.locator("#identity dl")).containsText(customer.email());
            assertThat(page.locator("#identity dl")).containsText(customer.phone());
            assertThat(page.locator("#identity dl")).containsText(customer.street());
            assertThat(page.locator("#identity table.records")).containsText(BACK_OFFICE);
            assertThat(page.locator("#identity table.records")).containsText("PB-" + run);
            assertThat(page.locator("#profile h3")).hasText("Profile");
            assertThat(page.locator("#profile")).containsText("No unresolved problem");
            assertThat(page.locator("#timeline ol.timeline li")).hasCount(1);
            assertThat(page.locator("#timeline")).containsText(customer.contactSubject());
            assertThat(page.locator("#timeline")).containsText(customer.contactText());
            assertThat(page.locator("[data-unavailable]")).hasCount(0); // every service answered
            shot(page, "05-customer-360", true);

            page.click("a[data-tab=inbox]");
            assertThat(page.locator("#offers")).containsText("No offers right now.");
            assertThat(page.locator("#work")).containsText("Nothing accepted.");
            assertThat(page.locator("#presence")).hasValue("AWAY");
            shot(page, "06-inbox-away");
            page.selectOption("#presence", "AVAILABLE");
            Eventually.assertThat("routing has alice available", () ->
                    assertThat(sam.get("/api/v1/routing/agents/" + AGENT).expect(200).path("presence").asText()).isEqualTo("AVAILABLE"));
            assertThat(page.locator("#presence")).hasValue("AVAILABLE");

            // the supervisor books a video callback for the customer with alice: the console shows the offer as it comes
            String subject = "Video callback " + run + ": card declined twice";
            Map<String, Object> callback = new LinkedHashMap<>();
            callback.put("channel", "VIDEO");
            callback.put("queueId", queue);
            callback.put("priority", 60);
            callback.put("requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)));
            callback.put("preferredAgents", List.of(AGENT));
            callback.put("customerId", customer.id());
            callback.put("subject", subject);
            taskId = sam.post("/api/v1/routing/tasks", callback).expect(201).path("id").asText();
            Locator offer = page.locator(".offer").filter(new Locator.FilterOptions().setHasText(subject));
            assertThat(offer).isVisible();
            assertThat(offer.locator("a")).hasAttribute("href", "#/customers/" + customer.id());
            assertThat(page.locator("#offer-count")).hasText("1");
            shot(page, "07-offer");

            offer.locator("button.accept").click();
            Locator task = page.locator(".task[data-task='" + taskId + "']");
            assertThat(task).containsText(subject);
            assertThat(task).hasAttribute("data-state", "ASSIGNED");
            assertThat(page.locator("#offers")).containsText("No offers right now.");
            shot(page, "08-your-work");
            JsonNode assigned = routing.task(taskId);
            assertThat(assigned.path("state").asText()).as("the task as routing holds it").isEqualTo("ASSIGNED");
            assertThat(assigned.path("agentId").asText()).isEqualTo(AGENT);
            assertThat(assigned.path("customerId").asText()).isEqualTo(customer.id());

            task.locator("button.wrap-up").click();
            assertThat(task).hasAttribute("data-state", "WRAP_UP");
            assertThat(page.locator("#presence")).hasValue("WRAP_UP"); // set by routing, pushed
            shot(page, "09-wrap-up");
            task.locator("button.complete").click();
            assertThat(page.locator("#work")).containsText("Nothing accepted.");
            assertThat(page.locator("#presence")).hasValue("AVAILABLE"); // routing ends her wrap-up with the task
            JsonNode completed = routing.task(taskId);
            assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");
            assertThat(completed.path("disposition").asText()).isEqualTo("resolved");

            page.selectOption("#presence", "OFFLINE");
            Eventually.assertThat("routing has alice offline", () ->
                    assertThat(sam.get("/api/v1/routing/agents/" + AGENT).expect(200).path("presence").asText()).isEqualTo("OFFLINE"));
            assertThat(page.locator("#presence")).hasValue("OFFLINE");
            shot(page, "10-completed-offline");
        } finally {
            leaveAliceAsFound(sam, aliceBefore, taskId);
        }
    }

    /**
     * A private-banking customer through identity-service (the back-office client), and a contact of hers through
     * interaction-service (the channel adapter) that alice already answered, so that it waits for nobody; waits until
     * identity, her timeline and profile-service's search know her.
     */
    private static Customer seedCustomer(Panorama panorama, String run) {
        String given = "Ottilie";
        String family = "Brennw" + letters(run);
        String email = "ottilie." + family.toLowerCase() + "@example.org";
        String phone = "+44770090" + digits(run);
        String street = "17 Larkspur Rise";
        SeededPersonalData.add(given, family, given + " " + family, email, phone, phone.substring(3), street, "YO31 7HH");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sourceSystem", BACK_OFFICE);
        record.put("sourceId", "PB-" + run);
        record.put("name", Map.of("given", given, "family", family));
        record.put("dateOfBirth", "1984-05-17");
        record.put("emails", List.of(email));
        record.put("phones", List.of(phone));
        record.put("addresses", List.of(Map.of("lines", List.of(street), "locality", "York", "postcode", "YO31 7HH",
                "country", "GB", "kind", "home")));
        panorama.client("backoffice-system").post("/api/v1/identity/records", record).expect(201);

        Caller alice = panorama.user(AGENT);
        String customerId = WrongMergeUndoneIT.customerWithEmail(alice, email);
        String subject = "card declined " + run;
        String text = "My card was declined twice at the airport.";
        String contactId = Contacts.deliver(panorama.client("channel-adapter"), Contacts.inbound(Channel.EMAIL, "console-mail-" + run,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600), email, null, null, subject, text, AGENT));
        String query = URLEncoder.encode(family + " " + given, StandardCharsets.UTF_8);
        Eventually.assertThat("her timeline holds the contact and profile-service finds her by name", () -> {
            assertThat(WrongMergeUndoneIT.timeline(alice, customerId)).containsExactly(contactId);
            JsonNode found = alice.get("/api/v1/profiles?q=" + query + "&limit=20").expect(200);
            assertThat(found.path("items").findValuesAsText("customerId")).containsExactly(customerId);
            assertThat(alice.get("/api/v1/profiles/" + customerId).expect(200).path("name").asText()).isEqualTo(given + " " + family);
        });
        return new Customer(customerId, given, family, email, phone, street, subject, text);
    }

    /** Alice offline, without the journey's task, with the skills and capacity she had before (when routing knew her). */
    private static void leaveAliceAsFound(Caller sam, Caller.Reply before, String taskId) {
        sam.put("/api/v1/routing/agents/" + AGENT + "/presence", Map.of("presence", "OFFLINE")).expect(200);
        if (taskId != null) {
            String state = sam.get("/api/v1/routing/tasks/" + taskId).expect(200).path("state").asText();
            if (!List.of("COMPLETED", "CANCELLED", "EXPIRED").contains(state)) {
                sam.post("/api/v1/routing/tasks/" + taskId + "/cancellation", Map.of("reason", "console journey cleaned up"));
            }
        }
        if (before.status() == 200) {
            JsonNode agent = before.json();
            List<Map<String, Object>> skills = new ArrayList<>();
            agent.path("skills").forEach(level -> skills.add(Map.of("skill", level.path("skill").asText(),
                    "proficiency", level.path("proficiency").asInt())));
            Map<String, Integer> capacity = new LinkedHashMap<>();
            agent.path("capacity").properties().forEach(entry -> capacity.put(entry.getKey(), entry.getValue().asInt()));
            int restored = sam.put("/api/v1/routing/agents/" + AGENT, Map.of("displayName", agent.path("displayName").asText(AGENT),
                    "skills", skills, "capacity", capacity)).status();
            assertThat(restored).as("alice's skills and capacity as before").isIn(200, 201);
        }
    }

    private static void shot(Page page, String name) {
        shot(page, name, false);
    }

    private static void shot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("agent-console-" + name + ".png")).setFullPage(fullPage));
    }

    /** The run's hex digits as letters (a-p): a family name no other run shares, that a name search reads as a word. */
    private static String letters(String hex) {
        StringBuilder letters = new StringBuilder();
        hex.chars().limit(5).forEach(c -> letters.append((char) ('a' + Character.digit(c, 16))));
        return letters.toString();
    }

    private static String digits(String hex) {
        return String.format("%04d", Integer.parseInt(hex.substring(0, 4), 16) % 10_000);
    }

    private record Customer(String id, String given, String family, String email, String phone, String street,
            String contactSubject, String contactText) {
    }
}
