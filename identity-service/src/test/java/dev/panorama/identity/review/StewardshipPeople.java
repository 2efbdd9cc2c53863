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
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        this.tag = letters.toString();
    }

    public String tag() {
        return tag;
    }

    /**
     * Margaret and Maggie, family names one letter apart, born the same day, but with nothing else in
     * common: a possible match worth a steward's look, not a link.
     */
    public List<Person> possiblePair() {
        LocalDate birth = birthDate();
        String family = "Thistlewood" + tag;
        return List.of(
                new Person("crm", "PM-" + tag, "Margaret", family + "e", birth, "margaret." + tag + "@example.com",
                        phone(), number() + " Wattle Grove", "Ballarat", "3350", Map.of()),
                new Person("billing", "PM-" + tag, "Maggie", family + "y", birth, "mags." + tag + "@example.net",
                        phone(), number() + " Harbour Esplanade", "Fremantle", "6160", Map.of()));
    }

    /** Someone unlike anyone else, optionally holding a national id. */
    public Person loner(String system, String label, String nationalId) {
        return new Person(system, label + "-" + tag, "Ottoline", "Quarrington" + label.toLowerCase() + tag, birthDate(),
                label.toLowerCase() + "." + tag + "@example.org", phone(), number() + " Juniper Row", "Dunedin", postcode(),
                nationalId == null ? Map.of() : Map.of("national-id", nationalId));
    }

    private LocalDate birthDate() {
        return LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
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
