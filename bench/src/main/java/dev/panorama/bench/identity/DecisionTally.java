package dev.panorama.bench.identity;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's decisions on the synthetic records beside who each record really is ({@link SyntheticPeople.Drawn}): a
 * MATCHED record that repeats a person stored before should join that person's customer, and any other MATCHED record
 * joined someone else. Customers merged since their first record was answered count as another customer here, so the
 * wrong links are an upper bound (merges are about 1 % of the records).
 */
final class DecisionTally {

    private static final Pattern CUSTOMER = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DECISION = Pattern.compile("\"decision\"\\s*:\\s*\"([A-Z]+)\"");
    private static final int NEW = 0;
    private static final int MATCHED_SAME_PERSON = 1;
    private static final int MATCHED_ANOTHER = 2;
    private static final int POSSIBLE = 3;
    private static final int REPEATS = 4;

    private final AtomicIntegerArray personOf;
    private final AtomicReferenceArray<String> customerOf;
    private final AtomicLongArray counts = new AtomicLongArray(5);

    DecisionTally(int records) {
        personOf = new AtomicIntegerArray(records + 1);
        customerOf = new AtomicReferenceArray<>(records + 1);
    }

    void answered(int sequence, int person, String body) {
        Matcher customer = CUSTOMER.matcher(body);
        Matcher decision = DECISION.matcher(body);
        if (!customer.find() || !decision.find() || sequence >= personOf.length()) {
            return;
        }
        personOf.set(sequence, person);
        customerOf.set(sequence, customer.group(1));
        boolean repeat = person != sequence && personOf.get(person) == person && customerOf.get(person) != null;
        if (repeat) {
            counts.incrementAndGet(REPEATS);
        }
        switch (decision.group(1)) {
            case "NEW" -> counts.incrementAndGet(NEW);
            case "POSSIBLE" -> counts.incrementAndGet(POSSIBLE);
            default -> counts.incrementAndGet(repeat && customer.group(1).equals(customerOf.get(person))
                    ? MATCHED_SAME_PERSON : MATCHED_ANOTHER);
        }
    }

    /** The counts since the last call, printed and set back to zero. */
    String takeWindow() {
        long[] window = new long[counts.length()];
        for (int i = 0; i < window.length; i++) {
            window[i] = counts.getAndSet(i, 0);
        }
        return String.format("NEW %,d | MATCHED %,d (the same person's customer %,d, another's %,d) | POSSIBLE %,d | repeats of a"
                + " person stored before %,d", window[NEW], window[MATCHED_SAME_PERSON] + window[MATCHED_ANOTHER],
                window[MATCHED_SAME_PERSON], window[MATCHED_ANOTHER], window[POSSIBLE], window[REPEATS]);
    }
}
