package dev.panorama.journeys.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Json;
import dev.panorama.journeys.demo.DemoData.Person;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void the_same_seed_gives_the_same_world_and_another_seed_another() {
        String once = Json.write(DemoGenerator.generate(42, 300, START));
        String again = Json.write(DemoGenerator.generate(42, 300, START));
        String other = Json.write(DemoGenerator.generate(43, 300, START));
        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
    }

    @Test
    void people_are_spread_over_systems_with_the_errors_real_data_has() {
        DemoData data = DemoGenerator.generate(42, 300, START);
        Map<Integer, Person> byNumber = data.people().stream().collect(Collectors.toMap(Person::number, Function.identity()));
        assertThat(data.records().stream().map(SourceRecord::sourceSystem).distinct()).containsExactlyInAnyOrderElementsOf(DemoGenerator.SYSTEMS);
        assertThat(data.records()).hasSizeGreaterThan(data.people().size());
        Set<String> givenNames = data.people().stream().map(Person::given).collect(Collectors.toSet());
        assertThat(data.records()).as("nicknames").anyMatch(r -> !givenNames.contains(r.name().given()));
        Set<String> familyNames = data.people().stream().map(Person::family).collect(Collectors.toSet());
        assertThat(data.records()).as("typos in family names").anyMatch(r -> !familyNames.contains(r.name().family()));
        Set<java.time.LocalDate> births = data.people().stream().map(Person::dateOfBirth).collect(Collectors.toSet());
        assertThat(data.records()).as("day and month swapped").anyMatch(r -> !births.contains(r.dateOfBirth()));
        Set<String> streets = data.people().stream().map(Person::street).collect(Collectors.toSet());
        assertThat(data.records()).as("addresses moved from").anyMatch(r -> !streets.contains(r.addresses().getFirst().lines().getFirst()));
        assertThat(data.people().stream().map(Person::email).distinct().count()).as("household e-mails shared")
                .isLessThan(data.people().size());
        assertThat(byNumber).as("one person per number").hasSize(300);
    }

    @Test
    void contacts_come_from_known_people_on_many_channels_in_time_order_and_agents_have_skills() {
        DemoData data = DemoGenerator.generate(7, 50, START);
        Set<String> addresses = new HashSet<>();
        data.people().forEach(person -> addresses.addAll(List.of(person.email(), person.phone())));
        assertThat(data.interactions()).allMatch(contact -> addresses.contains(contact.participants().getFirst().address()));
        assertThat(data.interactions().stream().map(ChannelMessage::channel).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(data.interactions()).isSortedAccordingTo(java.util.Comparator.comparing(ChannelMessage::occurredAt));
        assertThat(data.interactions().stream().map(ChannelMessage::sourceMessageId).distinct().count())
                .isEqualTo(data.interactions().size());
        assertThat(data.agents()).isNotEmpty().allMatch(agent -> agent.skills().size() >= 2);
        assertThat(data.facts()).isNotEmpty();
    }

    @Test
    void agents_skills_for_routing_are_the_same_for_a_seed_strongest_first_with_languages() {
        DemoData data = DemoGenerator.generate(7, 50, START);
        assertThat(DemoGenerator.generate(7, 50, START).agents().stream().map(DemoData.Agent::routingSkills).toList())
                .isEqualTo(data.agents().stream().map(DemoData.Agent::routingSkills).toList());
        for (DemoData.Agent agent : data.agents()) {
            var skills = agent.routingSkills();
            assertThat(skills.values()).allMatch(level -> level >= 1 && level <= 5);
            assertThat(skills).containsEntry(agent.skills().getFirst(), 5).containsEntry("lang:" + agent.languages().getFirst(), 5)
                    .hasSize(agent.skills().size() + agent.languages().size());
        }
        assertThat(data.agents()).allMatch(agent -> agent.routingSkills().containsKey("lang:en"));
    }
}
