package dev.panorama.reliability.check;

import dev.panorama.reliability.load.Sent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What became of the messages sent: stored exactly once in the right timeline, doubled (more than one interaction
 * for one message), misplaced (in another customer's timeline), unresolved yet, or lost (in no timeline at all).
 *
 * @param examples a few message ids of each kind of failure, to start looking
 */
public record Tally(int sent, int stored, int duplicated, int misplaced, int unresolved, int lost, List<String> examples) {

    private static final int EXAMPLES = 5;

    public static Tally of(Collection<Sent> sent, Collection<Stored> found) {
        Map<String, List<Stored>> byMessage = found.stream().collect(Collectors.groupingBy(Stored::messageId));
        int stored = 0;
        int duplicated = 0;
        int misplaced = 0;
        int unresolved = 0;
        int lost = 0;
        List<String> examples = new ArrayList<>();
        for (Sent message : sent) {
            List<Stored> copies = byMessage.getOrDefault(message.messageId(), List.of());
            if (copies.isEmpty()) {
                lost++;
                example(examples, "lost " + message.messageId() + " (" + message.path() + ")");
                continue;
            }
            Set<String> interactions = copies.stream().map(Stored::interactionId).collect(Collectors.toCollection(TreeSet::new));
            if (interactions.size() > 1) {
                duplicated += interactions.size() - 1;
                example(examples, "doubled " + message.messageId() + " (" + message.path() + ") as " + interactions);
            }
            if (copies.stream().anyMatch(copy -> !message.customerId().equals(copy.timelineOf()))) {
                misplaced++;
                example(examples, "misplaced " + message.messageId());
            } else if (copies.stream().anyMatch(copy -> !"RESOLVED".equals(copy.resolution()))) {
                unresolved++;
                example(examples, "unresolved " + message.messageId());
            } else {
                stored++;
            }
        }
        return new Tally(sent.size(), stored, duplicated, misplaced, unresolved, lost, List.copyOf(examples));
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES * 4) {
            examples.add(example);
        }
    }

    /** Every message sent is in its customer's timeline exactly once, resolved. */
    public boolean exactlyOnce() {
        return stored == sent && duplicated == 0 && misplaced == 0 && unresolved == 0 && lost == 0;
    }

    /** How many messages per customer: what each profile must count. */
    public static Map<String, Long> expectedPerCustomer(Collection<Sent> sent) {
        return new HashMap<>(sent.stream().collect(Collectors.groupingBy(Sent::customerId, Collectors.counting())));
    }

    @Override
    public String toString() {
        return String.format("sent %d, stored exactly once %d, duplicated %d, misplaced %d, unresolved %d, lost %d%s", sent, stored,
                duplicated, misplaced, unresolved, lost, examples.isEmpty() ? "" : " e.g. " + examples);
    }
}
