package dev.panorama.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.journeys.client.Caller;
import dev.panorama.reliability.check.Convergence;
import dev.panorama.reliability.check.Figures;
import dev.panorama.reliability.load.ChannelLoad;
import dev.panorama.reliability.load.Customer;
import dev.panorama.reliability.load.Customers;
import dev.panorama.reliability.load.Sent;
import dev.panorama.reliability.suite.FaultSuite;
import dev.panorama.reliability.suite.Faults;
import dev.panorama.reliability.suite.Faults.Fault;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At-least-once with nothing lost and nothing doubled: under a sustained load of channel messages (Kafka and the REST
 * API through the gateway) each service, the gateway, the Kafka broker and PostgreSQL in turn is killed with SIGKILL and
 * started again; at the end every message is in its customer's timeline exactly once, every profile counts every
 * contact, and every contact waiting for an agent has exactly one routing task.
 */
@Order(2)
@ExtendWith(FaultSuite.class)
class KillEachPartIT {

    private static final Duration SETTLE = Duration.ofSeconds(8);

    @Test
    void nothing_lost_nothing_doubled_when_each_part_is_killed_in_turn_under_load(Faults faults) {
        String run = Settings.run("kill");
        Caller alice = faults.caller("alice");
        List<Customer> customers = Customers.create(faults.caller("backoffice-system"), alice, run, 10, 20);

        List<Sent> sent;
        long kafkaResends;
        long restRetries;
        try (ChannelLoad load = new ChannelLoad(run, customers, faults.caller("channel-adapter"), faults.kafkaBootstrapServers())) {
            load.start(Settings.rate());
            Faults.sleep(SETTLE);
            for (String target : Faults.TARGETS) {
                faults.crash(target, Duration.ZERO);
                Faults.sleep(SETTLE);
            }
            load.stop(Duration.ofMinutes(3));
            sent = load.sent();
            kafkaResends = load.kafkaResends();
            restRetries = load.restRetries();
        }

        Convergence.Outcome outcome = Convergence.await(alice, faults.caller("sam"), customers, run, sent, Duration.ofMinutes(5));
        List<Fault> injected = faults.injected().stream().filter(f -> f.killedAt().isAfter(sent.getFirst().sentAt())).toList();
        Figures.report("kill -9 of each part in turn at " + Settings.rate() + " messages/s", String.format("""
                messages sent %d (Kafka %d, REST %d), stored exactly once %d, duplicated %d, misplaced %d, unresolved %d, lost %d
                redeliveries by the adapters: Kafka %d, REST %d
                faults injected: %d; recovery (kill to answering again): %s
                every contact in its timeline %.1f s after the load ended
                profiles counting other than sent: %d %s; contacts waiting for an agent without exactly one task: %d %s
                %s""", sent.size(), sent.stream().filter(s -> s.path() == Sent.Path.KAFKA).count(),
                sent.stream().filter(s -> s.path() == Sent.Path.REST).count(), outcome.tally().stored(), outcome.tally().duplicated(),
                outcome.tally().misplaced(), outcome.tally().unresolved(), outcome.tally().lost(), kafkaResends, restRetries,
                injected.size(), injected.stream().map(f -> String.format("%s %.1f s", f.target(), f.recovery().toMillis() / 1e3))
                        .collect(Collectors.joining(", ")),
                outcome.waited().toMillis() / 1e3, outcome.profiles().size(), first(outcome.profiles()), outcome.tasks().size(),
                first(outcome.tasks()), outcome.tally().examples().isEmpty() ? "" : "e.g. " + outcome.tally().examples()));

        assertThat(injected).extracting(Fault::target).containsExactlyElementsOf(Faults.TARGETS);
        assertThat(outcome.tally().exactlyOnce()).as("every message in its timeline exactly once: %s", outcome.tally()).isTrue();
        assertThat(outcome.profiles()).as("profiles counting other than the contacts sent").isEmpty();
        assertThat(outcome.tasks()).as("contacts waiting for an agent without exactly one routing task").isEmpty();
    }

    private static List<String> first(List<String> items) {
        return items.subList(0, Math.min(5, items.size()));
    }
}
