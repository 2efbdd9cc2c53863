package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OrderLine;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.Routing;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 1, the multi-channel customer: she starts a purchase on the web, chats with an agent, clicks to call the
 * same agent, finishes on the web, and later returns the item by letter. Routing offers the chat to an available
 * agent and the call to that same agent (profile-service's routing hints name the agents who served her lately), as
 * the agent sees with their own token. Every contact lands in her one timeline, the purchase's contacts in one
 * conversation, and her profile shows the open return as an unresolved problem
 * (the insight "resolve before cross-selling").
 */
@Order(1)
@ExtendWith(WholeSuite.class)
class MultiChannelCustomerIT {

    private static final String EMAIL = "priya.raman@example.co.uk";
    private static final String PHONE = "+447700900777";
    private static final String SESSION = "web-session-8841";
    /** The agent of the chat and the call (a demo agent of the realm), and another one who could take the call. */
    private static final String AGENT = "ben";
    private static final String RIVAL = "j1-rival-agent";

    @Test
    void every_contact_in_one_timeline_the_purchase_in_one_conversation_and_the_open_return_on_the_profile(Panorama panorama) {
        SourceRecord shopAccount = new SourceRecord("webshop", "WS-31002", Instant.now(), new PersonName(null, "Priya", null, "Raman", null),
                null, List.of(EMAIL), List.of("07700 900777"),
                List.of(new PostalAddress(List.of("8 Cedar Court"), "Manchester", null, "M14 5QP", "GB", "delivery")), List.of());
        SeededPersonalData.add("Priya", "Raman", EMAIL, PHONE, "07700 900777", "7700 900777", "8 Cedar Court", "M14 5QP");
        panorama.backOffice().publish("webshop:WS-31002", shopAccount);
        Caller alice = panorama.user("alice");
        String customerId = WrongMergeUndoneIT.customerWithEmail(alice, EMAIL);

        Routing routing = new Routing(panorama);
        routing.skill("lang:en");
        routing.agent(AGENT, Map.of("lang:en", 4), Map.of(Channel.CHAT, 5, Channel.PHONE, 1));
        Caller agent = panorama.user(AGENT);
        agent.put("/api/v1/routing/agents/me/presence", Map.of("presence", "AVAILABLE")).expect(200);

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        // The chat and the call wait for an agent (no agent took part yet): routing finds one for each.
        ChannelMessage web = Contacts.inbound(Channel.WEB, "j1-web-1", start, EMAIL, null, SESSION, "espresso machine in the basket",
                "Checkout started: espresso machine", null);
        ChannelMessage chat = Contacts.inbound(Channel.CHAT, "j1-chat-1", start.plusSeconds(60), EMAIL, "Priya", SESSION,
                "question about the grinder", "Does the grinder handle oily beans?", null);
        ChannelMessage call = Contacts.inbound(Channel.PHONE, "j1-call-1", start.plusSeconds(180), PHONE, "Priya Raman", SESSION,
                "click to call", "Call from the chat window", null);
        ChannelMessage finished = Contacts.inbound(Channel.WEB, "j1-web-2", start.plusSeconds(420), EMAIL, null, SESSION, "order placed",
                "Checkout finished", null);
        ChannelMessage letter = Contacts.inbound(Channel.LETTER, "j1-letter-1", start.plus(Duration.ofDays(2)), EMAIL, "P. Raman",
                null, "return of the espresso machine", "I am returning the machine: it leaks.", null);
        Caller adapter = panorama.client("channel-adapter");
        List<String> purchaseIds = new ArrayList<>();
        // A busy identity-service may answer after the contact is stored: then it is resolved a little later.
        purchaseIds.add(Contacts.deliver(adapter, web));
        purchaseIds.add(Contacts.deliver(adapter, chat));

        JsonNode chatOffer = Routing.awaitOffer(agent, "the chat is offered to the one available agent",
                offer -> offer.path("channel").asText().equals("CHAT"));
        assertThat(Routing.accept(agent, chatOffer).path("state").asText()).isEqualTo("ASSIGNED");
        Eventually.assertThat("her profile knows the agent served her", () -> {
            JsonNode hints = alice.get("/api/v1/profiles/" + customerId + "/routing-hints").expect(200);
            assertThat(hints.path("recentAgents").findValuesAsText("agentId")).contains(AGENT);
        });

        // A second agent as able and idle as can be: the call must still go to the agent of the chat.
        routing.agent(RIVAL, Map.of("lang:en", 4), Map.of(Channel.CHAT, 5, Channel.PHONE, 1));
        routing.presence(RIVAL, "AVAILABLE");
        purchaseIds.add(Contacts.deliver(adapter, call));
        JsonNode callOffer = Routing.awaitOffer(agent, "the call is offered to the agent from the chat",
                offer -> offer.path("channel").asText().equals("PHONE"));
        assertThat(callOffer.path("customerId").asText()).as("the call is hers").isEqualTo(customerId);
        String callTask = callOffer.path("taskId").asText();
        assertThat(texts(routing.task(callTask).path("preferredAgents"))).as("the profile's recent agents").startsWith(AGENT);
        JsonNode assigned = Routing.accept(agent, callOffer);
        assertThat(assigned.path("agentId").asText()).isEqualTo(AGENT);
        assertThat(routing.supervisor().get("/api/v1/routing/tasks/" + callTask + "/offers").expect(200).path("items")
                .findValuesAsText("agentId")).as("nobody else was offered the call").containsOnly(AGENT);
        assertThat(Routing.offers(agent)).as("nothing left open for the agent").isEmpty();
        routing.presence(AGENT, "OFFLINE");
        routing.presence(RIVAL, "OFFLINE");

        purchaseIds.add(Contacts.deliver(adapter, finished));
        panorama.backOffice().publish("webshop:WS-31002", new OrderPlaced("webshop", "WS-31002", "ORD-7781",
                List.of(new OrderLine("ESP-200", "espresso machine", 1, new BigDecimal("349.00"))), new BigDecimal("349.00"), "GBP",
                start.plusSeconds(420)));
        String letterId = Contacts.deliver(adapter, letter);
        panorama.backOffice().publish("webshop:WS-31002", new CaseOpened("webshop", "WS-31002", "RET-7781", CaseKind.RETURN,
                "espresso machine leaks", "medium", start.plus(Duration.ofDays(2))));

        List<String> everything = new ArrayList<>(purchaseIds);
        everything.add(letterId);
        Eventually.assertThat("one timeline with every contact of every channel, newest first", () -> {
            List<String> timeline = WrongMergeUndoneIT.timeline(alice, customerId);
            assertThat(timeline).containsExactlyInAnyOrderElementsOf(everything);
            assertThat(timeline.getFirst()).isEqualTo(letterId);
        });
        Eventually.assertThat("the purchase's contacts in one conversation of hers", () -> {
            JsonNode conversation = alice.get("/api/v1/conversations/" + SESSION).expect(200);
            assertThat(conversation.path("interactions").findValuesAsText("interactionId")).containsExactlyElementsOf(purchaseIds);
            assertThat(texts(conversation.path("channels"))).as("the channel path of the purchase")
                    .containsExactly("WEB", "CHAT", "PHONE", "WEB");
            assertThat(texts(conversation.path("customerIds"))).containsExactly(customerId);
        });

        Eventually.assertThat("the profile shows the open return as the problem to resolve before cross-selling", () -> {
            JsonNode profile = alice.get("/api/v1/profiles/" + customerId).expect(200);
            assertThat(profile.path("returnsAndWarranty").findValuesAsText("caseId")).containsExactly("RET-7781");
            assertThat(profile.path("openCases").findValuesAsText("caseId")).containsExactly("RET-7781");
            JsonNode unresolved = profile.path("insights").path("unresolvedProblem");
            assertThat(unresolved.path("answer").asBoolean()).isTrue();
            assertThat(unresolved.path("facts").findValuesAsText("kind")).containsExactly("RETURN");
            assertThat(profile.path("recentOrders").findValuesAsText("orderId")).containsExactly("ORD-7781");
            assertThat(profile.path("interactions").path("total").asLong()).isEqualTo(5);
            assertThat(profile.path("interactions").path("channels").findValuesAsText("channel"))
                    .containsExactlyInAnyOrder("WEB", "CHAT", "PHONE", "LETTER");
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
