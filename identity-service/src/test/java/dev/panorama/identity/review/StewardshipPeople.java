package dev.panorama.identity.review;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test people for stewardship, generated from a seed so each run has its own: a pair that is a possible
 * match (a review, not a link), and people with unique identifiers for merge protection.
 */
public final class StewardshipPeople {

    /** One source record as a back-office system would send it. */
    public record Person(String system, String id, String given, String family, LocalDate birth, String email, String phone,
            String street, String locality, String postcode, Map<String, String> identifiers) {

        public Map<String, Object> body() {
            Map<String, Object> body = new HashMap<>(Map.of("sourceSystem", system, "sourceId", id,
                    "name", Map.of("given", given, "family", family), "dateOfBirth", birth.toString(),
                    "emails", List.of(email), "phones", List.of(phone),
                    "addresses", List.of(Map.of("lines", List.of(street), "locality", locality, "postcode", postcode))));
            if (!identifiers.isEmpty()) {
                body.put("identifiers", identifiers.entrySet().stream()
                        .map(e -> Map.of("type", e.getKey(), "value", e.getValue())).toList());
            }
            return body;
        }

        public SourceRecord sourceRecord() {
            return new SourceRecord(system, id, Instant.now(), new PersonName(null, given, null, family, null), birth,
                    List.of(email), List.of(phone),
                    List.of(new PostalAddress(List.of(street), locality, null, postcode, null, null)),
                    identifiers.entrySet().stream().map(e -> new Identifier(e.getKey(), e.getValue(), null)).toList());
        }
    }

    private final Random random;
    private final String tag;

    public StewardshipPeople(long seed) {
        this.random = new Random(seed);
        this.tag = word(8);
    }

    public String tag() {
        return tag;
    }

    /**
     * Margaret and Maggie, family names one letter apart, born the same day, but with nothing else in
     * common: a possible match worth a steward's look, not a link. Every value is new to each pair, so
     * pairs never look like each other.
     */
    public List<Person> possiblePair() {
        LocalDate birth = birthDate();
        String family = capitalised(word(10));
        String postcode = postcode();
        String otherPostcode = postcode.chars().mapToObj(d -> String.valueOf((d - '0' + 5) % 10))
                .collect(java.util.stream.Collectors.joining()); // every digit differs: no typo of the first
        return List.of(
                new Person("crm", "PM-" + tag, "Margaret", family + "e", birth, "margaret." + tag + "@example.com",
                        phone(), number() + " " + capitalised(word(8)) + " Grove", capitalised(word(9)), postcode, Map.of()),
                new Person("billing", "PM-" + tag, "Maggie", family + "y", birth, "mags." + tag + "@example.net",
                        phone(), number() + " " + capitalised(word(8)) + " Esplanade", capitalised(word(9)), otherPostcode, Map.of()));
    }

    /**
     * Someone unlike anyone else (names, contacts and address all their own), born on the given day so that
     * merging them with another such loner meets no merge protection unless their identifiers differ.
     */
    public Person loner(String system, String label, LocalDate birth, String nationalId) {
        String given = capitalised(word(7));
        String family = capitalised(word(10));
        return new Person(system, label + "-" + tag, given, family, birth, label.toLowerCase() + "." + tag + "@example.org",
                phone(), number() + " " + capitalised(word(8)) + " Row", capitalised(word(9)), postcode(),
                nationalId == null ? Map.of() : Map.of("national-id", nationalId));
    }

    /** The same person again, as another system holds them. */
    public static Person copyIn(Person person, String system) {
        return new Person(system, person.id(), person.given(), person.family(), person.birth(), person.email(), person.phone(),
                person.street(), person.locality(), person.postcode(), person.identifiers());
    }

    /**
     * A new record, from a system of its own, holding the first person's name and birth and the contacts and addresses
     * of both: for a possible pair, it matches each of them well enough to link.
     */
    public static Map<String, Object> bridging(Person first, Person second) {
        Map<String, Object> body = new HashMap<>(first.body());
        body.put("sourceSystem", "branch");
        body.put("sourceId", "BR-" + java.util.UUID.randomUUID());
        body.put("emails", List.of(first.email(), second.email()));
        body.put("phones", List.of(first.phone(), second.phone()));
        body.put("addresses", List.of(((List<?>) first.body().get("addresses")).getFirst(),
                ((List<?>) second.body().get("addresses")).getFirst()));
        return body;
    }

    public LocalDate birthDate() {
        return LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
    }

    private String word(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String phone() {
        return "+44 20 7" + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
    }

    private String number() {
        return String.valueOf(1 + random.nextInt(400));
    }

    private String postcode() {
        return String.valueOf(1000 + random.nextInt(9000));
    }
}
