package dev.panorama.journeys.demo;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OrderLine;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.demo.DemoData.Agent;
import dev.panorama.journeys.demo.DemoData.Fact;
import dev.panorama.journeys.demo.DemoData.Person;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes a {@link DemoData} world from a seed: the same seed and start instant always give the same world.
 * People are spread over the back-office systems with the errors real data has: typos in family names,
 * nicknames, addresses a person has since moved from, day and month swapped in dates of birth, and e-mail
 * addresses shared by a household.
 */
public final class DemoGenerator {

    static final List<String> SYSTEMS = List.of("crm", "core-banking", "webshop", "billing");
    private static final List<String> GIVEN = List.of("William", "Elizabeth", "Robert", "Margaret", "James", "Catherine",
            "Thomas", "Susan", "Richard", "Jennifer", "Michael", "Patricia", "Daniel", "Rebecca", "Andrew", "Victoria",
            "Joseph", "Alexandra", "Edward", "Charlotte");
    private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("William", "Bill"), Map.entry("Elizabeth", "Liz"),
            Map.entry("Robert", "Bob"), Map.entry("Margaret", "Maggie"), Map.entry("James", "Jim"), Map.entry("Catherine", "Kate"),
            Map.entry("Thomas", "Tom"), Map.entry("Susan", "Sue"), Map.entry("Richard", "Dick"), Map.entry("Jennifer", "Jenny"),
            Map.entry("Michael", "Mike"), Map.entry("Patricia", "Patty"), Map.entry("Daniel", "Dan"), Map.entry("Rebecca", "Becky"),
            Map.entry("Andrew", "Andy"), Map.entry("Victoria", "Vicky"), Map.entry("Joseph", "Joe"), Map.entry("Alexandra", "Alex"),
            Map.entry("Edward", "Ted"), Map.entry("Charlotte", "Lottie"));
    private static final List<String> FAMILY = List.of("Ashworth", "Blackwood", "Carrington", "Delacroix", "Ellingham",
            "Fairweather", "Goodfellow", "Hargreaves", "Ingleby", "Jessop", "Kilbride", "Lockwood", "Merriweather",
            "Northcott", "Oakenfold", "Pemberton", "Quarrington", "Rothwell", "Sutherland", "Thistlewood", "Underhill",
            "Varley", "Whitcombe", "Yardley");
    private static final List<String> STREETS = List.of("Acacia Avenue", "Beech Grove", "Chapel Street", "Dove Lane",
            "Elm Terrace", "Foxglove Close", "Garden Row", "Hawthorn Road", "Ivy Crescent", "Juniper Way", "Kingfisher Drive",
            "Larch Mews");
    private static final List<String> TOWNS = List.of("Bristol", "Leeds", "York", "Norwich", "Exeter", "Chester", "Bath", "Derby");
    private static final List<String> PRODUCTS = List.of("savings", "current account", "mortgage", "credit card", "isa");
    private static final List<String> SKILLS = List.of("billing", "returns", "lending", "technical", "sales", "complaints");
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PHONE, Channel.CHAT, Channel.WEB, Channel.SMS,
            Channel.LETTER, Channel.SOCIAL);
    private static final List<String> TOPICS = List.of("a question about my bill", "my card was declined", "change of address",
            "where is my order", "I want to return an item", "interest rate on savings", "complaint about the delay",
            "loan application status");

    private final Random random;
    private final Instant start;

    private DemoGenerator(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    /**
     * @param seed      the world's seed
     * @param customers how many people
     * @param start     the instant the world's history starts from (contacts follow it over the next 30 days)
     */
    public static DemoData generate(long seed, int customers, Instant start) {
        return new DemoGenerator(seed, start).world(customers);
    }

    private DemoData world(int customers) {
        List<Person> people = people(customers);
        List<SourceRecord> records = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Person person : people) {
            List<String> systems = systemsOf(person);
            for (int i = 0; i < systems.size(); i++) {
                SourceRecord record = record(person, systems.get(i), i);
                records.add(record);
                facts.addAll(factsOf(record));
            }
        }
        return new DemoData(people, records, facts, agents(), interactions(people, customers * 3));
    }

    private List<Person> people(int count) {
        List<Person> people = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Person previous = people.isEmpty() ? null : people.getLast();
            boolean household = previous != null && random.nextInt(8) == 0;
            String given = pick(GIVEN);
            String family = household ? previous.family() : pick(FAMILY);
            String email = household ? previous.email()
                    : (given + "." + family + n).toLowerCase(Locale.ROOT) + "@example." + pick(List.of("com", "org", "net"));
            String phone = String.format("+447700%06d", 900000 + n);
            String street = household ? previous.street() : (1 + random.nextInt(120)) + " " + pick(STREETS);
            String town = household ? previous.locality() : pick(TOWNS);
            String postcode = household ? previous.postcode()
                    : String.format("%s%d %d%c%c", town.substring(0, 2).toUpperCase(Locale.ROOT), 1 + random.nextInt(20),
                            1 + random.nextInt(9), (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)));
            LocalDate born = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String nationalId = String.format("DM%06d%c", 100000 + n, (char) ('A' + random.nextInt(4)));
            people.add(new Person(n, given, family, born, email, phone, street, town, postcode, nationalId));
        }
        return people;
    }

    private List<String> systemsOf(Person person) {
        List<String> systems = new ArrayList<>(SYSTEMS);
        java.util.Collections.shuffle(systems, random);
        return List.copyOf(systems.subList(0, 1 + random.nextInt(3)));
    }

    /** The person as one system holds them; every system after the first gets its own error or two. */
    private SourceRecord record(Person person, String system, int index) {
        String given = person.given();
        String family = person.family();
        LocalDate born = person.dateOfBirth();
        String street = person.street();
        String postcode = person.postcode();
        if (index > 0) {
            switch (random.nextInt(5)) {
                case 0 -> given = NICKNAMES.getOrDefault(given, given);
                case 1 -> family = typo(family);
                case 2 -> born = swapped(born);
                case 3 -> {
                    street = (1 + random.nextInt(120)) + " " + pick(STREETS);
                    postcode = postcode.substring(0, postcode.length() - 1) + (char) ('A' + random.nextInt(26));
                }
                default -> {
                }
            }
        }
        // The number tells whose record it is ((number - 10000) / 7 is the person), so tests can check the linking.
        String customerNumber = system.substring(0, 2).toUpperCase(Locale.ROOT) + "-" + (10000 + person.number() * 7 + index);
        boolean withId = system.equals("core-banking") || system.equals("crm");
        return new SourceRecord(system, customerNumber, start, new PersonName(null, given, null, family, null), born,
                system.equals("billing") ? List.of() : List.of(person.email()), List.of(localPhone(person.phone())),
                List.of(new PostalAddress(List.of(street), person.locality(), null, postcode, "GB", "home")),
                withId ? List.of(new Identifier("national-id", person.nationalId(), null)) : List.of());
    }

    private List<Fact> factsOf(SourceRecord record) {
        String key = record.sourceSystem() + ":" + record.sourceId();
        List<Fact> facts = new ArrayList<>();
        switch (record.sourceSystem()) {
            case "core-banking" -> facts.add(new Fact(key, new AccountUpdated(record.sourceSystem(), record.sourceId(),
                    "AC-" + record.sourceId(), pick(PRODUCTS), "retail banking", "open",
                    BigDecimal.valueOf(random.nextInt(40) == 0 ? 100_000 + random.nextInt(300_000) : random.nextInt(60_000), 0),
                    "GBP", start.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(random.nextInt(4000)), start)));
            case "webshop" -> {
                Instant placed = start.plus(Duration.ofHours(random.nextInt(24 * 30)));
                facts.add(new Fact(key, new OrderPlaced(record.sourceSystem(), record.sourceId(), "OR-" + record.sourceId(),
                        List.of(new OrderLine("SKU-" + random.nextInt(900), "kitchen item", 1 + random.nextInt(3), BigDecimal.valueOf(10 + random.nextInt(400)))),
                        null, "GBP", placed)));
                if (random.nextInt(4) == 0) {
                    facts.add(new Fact(key, new CaseOpened(record.sourceSystem(), record.sourceId(), "RT-" + record.sourceId(),
                            CaseKind.RETURN, "item returned", "low", placed.plus(Duration.ofDays(2)))));
                }
            }
            case "billing" -> {
                if (random.nextInt(5) == 0) {
                    facts.add(new Fact(key, new CaseOpened(record.sourceSystem(), record.sourceId(), "CP-" + record.sourceId(),
                            CaseKind.COMPLAINT, "disputed charge", "medium", start.plus(Duration.ofDays(random.nextInt(30))))));
                }
            }
            default -> {
            }
        }
        return facts;
    }

    private List<Agent> agents() {
        List<Agent> agents = new ArrayList<>();
        List<String> names = List.of("alice", "agent-bea", "agent-chidi", "agent-dmitri", "agent-elena", "agent-farah");
        for (String name : names) {
            List<String> skills = new ArrayList<>(SKILLS);
            java.util.Collections.shuffle(skills, random);
            agents.add(new Agent(name, name.replace("agent-", ""), List.copyOf(skills.subList(0, 2 + random.nextInt(2))),
                    random.nextBoolean() ? List.of("en") : List.of("en", pick(List.of("de", "fr", "pl")))));
        }
        return agents;
    }

    private List<ChannelMessage> interactions(List<Person> people, int count) {
        List<ChannelMessage> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = people.get(random.nextInt(people.size()));
            Channel channel = pick(CHANNELS);
            boolean byPhone = channel == Channel.PHONE || channel == Channel.SMS;
            String topic = pick(TOPICS);
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            contacts.add(new ChannelMessage("demo-" + channel.name().toLowerCase(Locale.ROOT), "demo-" + i, channel, Direction.INBOUND,
                    at, List.of(new Participant(ParticipantRole.FROM, byPhone ? person.phone() : person.email(), null,
                            person.given() + " " + person.family())),
                    null, topic, "Demo contact: " + topic + ".", List.of(), "en", null, List.of(skillFor(topic)), List.of(), null, null));
        }
        contacts.sort(Comparator.comparing(ChannelMessage::occurredAt));
        return contacts;
    }

    private static String skillFor(String topic) {
        if (topic.contains("return") || topic.contains("order")) {
            return "returns";
        }
        if (topic.contains("bill") || topic.contains("card")) {
            return "billing";
        }
        if (topic.contains("loan") || topic.contains("interest")) {
            return "lending";
        }
        return topic.contains("complaint") ? "complaints" : "sales";
    }

    private String typo(String word) {
        int at = 1 + random.nextInt(word.length() - 2);
        char[] letters = word.toCharArray();
        char swap = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swap;
        return new String(letters);
    }

    /** Day and month swapped where that is still a date (otherwise the same date: no error this time). */
    private static LocalDate swapped(LocalDate date) {
        return date.getDayOfMonth() <= 12 ? LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()) : date;
    }

    private static String localPhone(String e164) {
        String national = "0" + e164.substring(3);
        return national.substring(0, 5) + " " + national.substring(5);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
