package dev.panorama.bench.identity;

import java.util.Random;

/** Source records of synthetic people for load, as JSON; about one in five repeats an earlier person with a typo. */
final class SyntheticPeople {

    private static final String[] GIVEN = {"oliver", "amelia", "george", "isla", "harry", "ava", "noah", "mia", "leo", "ivy",
            "arthur", "freya", "oscar", "lily", "theo", "rosie", "jack", "grace", "henry", "ella"};
    private static final String[] FAMILY = {"smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies",
            "patel", "wright", "walker", "white", "green", "hall", "wood", "thompson", "clarke", "hughes", "edwards", "king"};

    private SyntheticPeople() {
    }

    static String next(Random random, int sequence) {
        return next(random, sequence, "bench");
    }

    /** The next record, from the given source system (a record's identity is its source system and sequence). */
    static String next(Random random, int sequence, String sourceSystem) {
        return draw(random, sequence, sourceSystem).json();
    }

    /**
     * A record and whose facts it carries: those of the person first drawn at {@code person}'s sequence. Where that is
     * its own sequence the record is a person's first; else it repeats that earlier record's person, with a typo, if
     * that record was a first (a repeat of a repeat draws the facts of someone never seen before).
     */
    record Drawn(int person, String json) {
    }

    static Drawn draw(Random random, int sequence, String sourceSystem) {
        int person = random.nextInt(5) == 0 && sequence > 10 ? random.nextInt(sequence) : sequence;
        Random facts = new Random(person);
        String given = GIVEN[facts.nextInt(GIVEN.length)];
        String family = FAMILY[facts.nextInt(FAMILY.length)] + suffix(facts);
        String birth = String.format("%04d-%02d-%02d", 1930 + facts.nextInt(75), 1 + facts.nextInt(12), 1 + facts.nextInt(28));
        String email = given + "." + family + person + "@example.com";
        if (person != sequence) {
            given = given.substring(0, given.length() - 1) + (char) ('a' + random.nextInt(26));
        }
        return new Drawn(person, "{\"sourceSystem\":\"" + sourceSystem + "\",\"sourceId\":\"S-" + sequence + "\",\"name\":{\"given\":\"" + given
                + "\",\"family\":\"" + family + "\"},\"dateOfBirth\":\"" + birth + "\",\"emails\":[\"" + email
                + "\"],\"addresses\":[{\"lines\":[\"" + (1 + facts.nextInt(400)) + " high street\"],\"locality\":\"town"
                + facts.nextInt(500) + "\",\"postcode\":\"" + (1000 + facts.nextInt(8999)) + "\"}]}");
    }

    /** A family-name suffix so that the store holds many distinct families, as a real one does. */
    private static String suffix(Random facts) {
        return Integer.toString(facts.nextInt(2000), 36);
    }
}
