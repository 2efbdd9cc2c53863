package dev.panorama.journeys.demo;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic world: people, the records back-office systems hold of them (with the errors real systems have),
 * their business facts, the contact centre's agents and a stream of contacts.
 *
 * @param people       who really exists (the truth the records are made from)
 * @param records      master records as the systems hold them
 * @param facts        back-office events (accounts, orders, cases), each keyed by its system's customer number
 * @param agents       agents and their skills
 * @param interactions contacts in time order
 */
public record DemoData(List<Person> people, List<SourceRecord> records, List<Fact> facts, List<Agent> agents,
        List<ChannelMessage> interactions) {

    /** A real person behind the records. */
    public record Person(int number, String given, String family, LocalDate dateOfBirth, String email, String phone,
            String street, String locality, String postcode, String nationalId) {
    }

    /** A back-office event with the Kafka key its system publishes it under. */
    public record Fact(String key, Object event) {
    }

    /** An agent of the contact centre with the skills routing matches requests to. */
    public record Agent(String agentId, String displayName, List<String> skills, List<String> languages) {
    }
}
