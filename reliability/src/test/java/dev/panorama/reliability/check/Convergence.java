package dev.panorama.reliability.check;

import dev.panorama.journeys.client.Caller;
import dev.panorama.reliability.load.Customer;
import dev.panorama.reliability.load.Sent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Waits, bounded, until what users see has caught up with what was sent (backlogs drain after the faults), then
 * answers what it found: the tally of the timelines, the profiles that count other than expected and the contacts
 * whose routing tasks are missing or doubled.
 */
public final class Convergence {

    private static final Duration POLL = Duration.ofSeconds(3);

    /**
     * @param waited   from the end of the load until the timelines were complete (or the patience ran out)
     * @param profiles customers whose profile counts other than the contacts sent to them ("id: counted/expected")
     * @param tasks    contacts waiting for an agent with no task or more than one ("interaction: n tasks")
     */
    public record Outcome(Tally tally, Duration waited, List<String> profiles, List<String> tasks) {
    }

    private Convergence() {
    }

    public static Outcome await(Caller agent, Caller supervisor, List<Customer> customers, String run, List<Sent> sent, Duration patience) {
        Instant start = Instant.now();
        Instant deadline = start.plus(patience);
        List<Stored> found = Observed.timelines(agent, customers, run);
        Tally tally = Tally.of(sent, found);
        while ((tally.lost() > 0 || tally.unresolved() > 0) && Instant.now().isBefore(deadline)) {
            pause();
            found = Observed.timelines(agent, customers, run);
            tally = Tally.of(sent, found);
        }
        Duration waited = Duration.between(start, Instant.now());
        Map<String, Long> expected = Tally.expectedPerCustomer(sent);
        List<String> profiles = profileMismatches(agent, customers, expected);
        while (!profiles.isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            profiles = profileMismatches(agent, customers, expected);
        }
        List<String> tasks = taskMismatches(supervisor, found);
        while (!tasks.isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            tasks = taskMismatches(supervisor, found);
        }
        return new Outcome(tally, waited, profiles, tasks);
    }

    private static List<String> profileMismatches(Caller agent, List<Customer> customers, Map<String, Long> expected) {
        Map<String, Long> counted = Observed.profileContacts(agent, customers);
        List<String> mismatches = new ArrayList<>();
        for (Customer customer : customers) {
            long want = expected.getOrDefault(customer.customerId(), 0L);
            if (!Objects.equals(counted.get(customer.customerId()), want)) {
                mismatches.add(customer.customerId() + ": " + counted.get(customer.customerId()) + "/" + want);
            }
        }
        return mismatches;
    }

    private static List<String> taskMismatches(Caller supervisor, List<Stored> found) {
        Map<String, Integer> tasks = Observed.tasksPerInteraction(supervisor);
        List<String> mismatches = new ArrayList<>();
        found.stream().filter(Stored::needsResponse).map(Stored::interactionId).distinct().forEach(interaction -> {
            int count = tasks.getOrDefault(interaction, 0);
            if (count != 1) {
                mismatches.add(interaction + ": " + count + " tasks");
            }
        });
        return mismatches;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
