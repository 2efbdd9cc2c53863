package dev.panorama.identity.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** People and noisy duplicates of them, generated from a seed: typos, nicknames, swapped dates, missing fields, moves. */
final class GeneratedPeople {

    private static final String[] GIVEN = {"robert", "william", "elizabeth", "margaret", "james", "olivia", "noah", "amelia",
            "oscar", "isla", "leo", "freya", "arthur", "grace", "harry", "ava", "theo", "mia", "jack", "ruby"};
    private static final String[] FAMILY = {"smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies",
            "patel", "wright", "quennell", "okafor", "nakamura", "fitzgerald", "lindqvist", "moreau", "kowalski", "haddad"};
    private static final String[] STREETS = {"wallaby place", "main street", "station road", "high street", "park avenue"};
    private static final String[] TOWNS = {"cleveland", "marsden", "milton", "delmar", "ashby", "kew", "lindfield"};

    record Person(String label, PersonRecord record) {
    }

    private final Random random;
    private int recordCount;

    GeneratedPeople(long seed) {
        this.random = new Random(seed);
    }

    /** {@code people} originals, each followed by zero to two noisy duplicates, shuffled. */
    List<Person> generate(int people) {
        List<Person> all = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            PersonRecord original = original();
            String label = "p" + i;
            all.add(new Person(label, original));
            for (int d = random.nextInt(3); d > 0; d--) {
                all.add(new Person(label, noisy(original)));
            }
        }
        java.util.Collections.shuffle(all, random);
        return all;
    }

    PersonRecord original() {
        String given = pick(GIVEN);
        String family = pick(FAMILY);
        LocalDate birth = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String email = given + "." + family + random.nextInt(1000) + "@example.com";
        return new PersonRecord(nextId(), given, family, birth, Set.of(email), Set.of("+4416329" + (10000 + random.nextInt(89999))),
                (1 + random.nextInt(300)) + " " + pick(STREETS), pick(TOWNS), String.valueOf(2000 + random.nextInt(7000)), "nsw",
                Map.of("national-id", String.valueOf(1_000_000 + random.nextInt(9_000_000))));
    }

    PersonRecord noisy(PersonRecord r) {
        String given = random.nextInt(4) == 0 ? typo(r.givenName()) : r.givenName();
        String family = random.nextInt(4) == 0 ? typo(r.familyName()) : r.familyName();
        LocalDate birth = switch (random.nextInt(6)) {
            case 0 -> r.birthDate().getDayOfMonth() <= 12 ? LocalDate.of(r.birthDate().getYear(), r.birthDate().getDayOfMonth(), r.birthDate().getMonthValue()) : r.birthDate();
            case 1 -> null;
            default -> r.birthDate();
        };
        boolean moved = random.nextInt(5) == 0;
        return new PersonRecord(nextId(), given, family, birth,
                random.nextBoolean() ? r.emails() : Set.of(), random.nextBoolean() ? r.phones() : Set.of(),
                moved ? (1 + random.nextInt(300)) + " " + pick(STREETS) : r.street(), moved ? pick(TOWNS) : r.locality(),
                moved ? String.valueOf(2000 + random.nextInt(7000)) : r.postcode(), r.region(),
                random.nextInt(3) == 0 ? Map.of() : r.uniqueIds());
    }

    private String typo(String text) {
        char[] chars = text.toCharArray();
        int at = 1 + random.nextInt(chars.length - 1);
        chars[at] = (char) ('a' + random.nextInt(26));
        return new String(chars);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String nextId() {
        return "r" + (++recordCount);
    }
}
