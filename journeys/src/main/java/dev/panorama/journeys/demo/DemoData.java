package dev.panorama.journeys.demo;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * An agent of the contact centre with the skills routing matches requests to.
     *
     * @param skills    strongest first
     * @param languages ISO codes, the first the agent's best
     */
    public record Agent(String agentId, String displayName, List<String> skills, List<String> languages) {

        /**
         * Routing's skills of the agent with their proficiency (1-5): skills 5, 4, 3... in the order given (at least 2),
         * languages as {@code lang:<code>}, the first at 5 and the others at 3. Deterministic, as the generator is.
         */
        public Map<String, Integer> routingSkills() {
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (int i = 0; i < skills.size(); i++) {
                levels.put(skills.get(i), Math.max(2, 5 - i));
            }
            for (int i = 0; i < languages.size(); i++) {
                levels.put("lang:" + languages.get(i), i == 0 ? 5 : 3);
            }
            return levels;
        }
    }
}
