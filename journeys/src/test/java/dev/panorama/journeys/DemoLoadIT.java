package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.demo.DemoData;
import dev.panorama.journeys.demo.DemoData.Person;
import dev.panorama.journeys.demo.DemoGenerator;
import dev.panorama.journeys.demo.DemoLoader;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.Routing;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small demo world loaded as {@code ./panorama up --demo} loads it: the people it spreads over several systems
 * with errors come out as one customer each, and their contacts land in their timelines; the agents are in routing
 * with their skills, and alice, once available, is offered demo requests that ask for those skills.
 */
@Order(5)
@ExtendWith(WholeSuite.class)
class DemoLoadIT {

    @Test
    void a_small_demo_world_loads_into_linked_customers_with_their_contacts(Panorama panorama) {
        DemoData data = DemoGenerator.generate(11, 15, Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30)));
        data.people().forEach(p -> SeededPersonalData.add(p.given() + " " + p.family(), p.family(), p.email(), p.phone(),
                p.street(), p.nationalId()));
        data.records().forEach(r -> SeededPersonalData.add(r.name().family(), r.addresses().getFirst().lines().getFirst()));

        Caller sam = panorama.user("sam");
        DemoLoader.Loaded loaded = new DemoLoader(panorama.backOffice(), panorama.client("channel-adapter"), sam).load(data);
        assertThat(loaded.interactions()).isEqualTo(data.interactions().size());
        assertThat(loaded.agents()).isEqualTo(data.agents().size());

        Set<String> catalogue = new HashSet<>(sam.get("/api/v1/routing/skills").expect(200).path("items").findValuesAsText("name"));
        for (DemoData.Agent agent : data.agents()) {
            assertThat(catalogue).as("the skills catalogue holds %s's skills", agent.agentId()).containsAll(agent.routingSkills().keySet());
            JsonNode inRouting = sam.get("/api/v1/routing/agents/" + agent.agentId()).expect(200);
            Map<String, Integer> skills = new java.util.HashMap<>();
            inRouting.path("skills").forEach(level -> skills.put(level.path("skill").asText(), level.path("proficiency").asInt()));
            assertThat(skills).as("%s's skills in routing", agent.agentId()).isEqualTo(agent.routingSkills());
        }

        Caller alice = panorama.user("alice");
        Map<String, Long> emailUsers = data.people().stream().collect(Collectors.groupingBy(Person::email, Collectors.counting()));
        List<Person> own = data.people().stream().filter(p -> emailUsers.get(p.email()) == 1).toList();
        Eventually.assertThat("each person with an own e-mail is one customer holding every record and e-mail contact", () -> {
            List<String> unlinked = new ArrayList<>();
            for (Person person : own) {
                JsonNode ids = alice.get("/api/v1/identity/lookup?type=email&value=" + person.email()).expect(200).path("customerIds");
                assertThat(ids).as("customers with person %d's e-mail", person.number()).hasSize(1);
                String customerId = ids.get(0).asText();
                Set<String> held = new HashSet<>(alice.get("/api/v1/identity/customers/" + customerId).expect(200)
                        .path("records").findValuesAsText("sourceId"));
                if (!held.containsAll(recordsOf(data, person))) {
                    unlinked.add("person " + person.number());
                }
                assertThat(timelineSize(alice, customerId)).as("person %d's timeline", person.number())
                        .isGreaterThanOrEqualTo(emailContactsOf(data, person));
            }
            assertThat(unlinked.size()).as("people whose records were not all linked: %s", unlinked).isLessThanOrEqualTo(own.size() / 5);
        });

        // What a new user of the demo sees: alice goes available and is offered demo requests, which ask for the
        // demo skills (the catalogue was loaded before the contacts).
        Set<String> demoSkills = data.agents().stream().flatMap(agent -> agent.skills().stream()).collect(Collectors.toSet());
        alice.put("/api/v1/routing/agents/me/presence", Map.of("presence", "AVAILABLE")).expect(200);
        try {
            Eventually.assertThat("alice is offered a demo request that asks for a demo skill", () -> assertThat(Routing.offers(alice))
                    .anySatisfy(offer -> assertThat(sam.get("/api/v1/routing/tasks/" + offer.path("taskId").asText()).expect(200)
                            .path("requiredSkills").findValuesAsText("skill")).containsAnyElementsOf(demoSkills)));
        } finally {
            sam.put("/api/v1/routing/agents/alice/presence", Map.of("presence", "OFFLINE")).expect(200);
        }
    }

    private static Set<String> recordsOf(DemoData data, Person person) {
        return data.records().stream().filter(r -> belongsTo(r, person)).map(SourceRecord::sourceId)
                .collect(Collectors.toSet());
    }

    /** Customer numbers are {@code XX-<10000 + 7 * person + index>}: the person is recoverable from the number. */
    private static boolean belongsTo(SourceRecord record, Person person) {
        int number = Integer.parseInt(record.sourceId().substring(3)) - 10000;
        return number / 7 == person.number();
    }

    private static int emailContactsOf(DemoData data, Person person) {
        return data.interactions().stream().map(ChannelMessage::participants)
                .filter(participants -> person.email().equals(participants.getFirst().address())).mapToInt(contact -> 1).sum();
    }

    private static int timelineSize(Caller caller, String customerId) {
        return caller.get("/api/v1/customers/" + customerId + "/interactions?limit=100").expect(200).path("items").size();
    }
}
