package dev.panorama.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.journeys.client.Caller;
import dev.panorama.reliability.check.Convergence;
import dev.panorama.reliability.check.Figures;
import dev.panorama.reliability.load.ChannelLoad;
import dev.panorama.reliability.load.ChannelLoad.RestAttempt;
import dev.panorama.reliability.load.Customer;
import dev.panorama.reliability.load.Customers;
import dev.panorama.reliability.load.Sent;
import dev.panorama.reliability.suite.FaultSuite;
import dev.panorama.reliability.suite.Faults;
import dev.panorama.reliability.suite.Faults.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity down for a minute: channel adapters keep delivering (Kafka and the REST API through the gateway) while
 * identity-service is killed and kept away; every contact is accepted at once, stored unresolved, and resolved into
 * its customer's timeline and profile once identity answers again.
 */
@Order(1)
@ExtendWith(FaultSuite.class)
class IdentityOutageIT {

    @Test
    void contacts_are_accepted_while_identity_is_down_and_resolved_once_it_is_back(Faults faults) {
        String run = Settings.run("idout");
        Caller alice = faults.caller("alice");
        List<Customer> customers = Customers.create(faults.caller("backoffice-system"), alice, run, 0, 10);
        Duration outage = Settings.identityOutage();

        Fault fault;
        List<Sent> sent;
        List<RestAttempt> attempts;
        Instant loadEnded;
        try (ChannelLoad load = new ChannelLoad(run, customers, faults.caller("channel-adapter"), faults.kafkaBootstrapServers())) {
            load.start(Settings.rate());
            Faults.sleep(Duration.ofSeconds(5));
            fault = faults.crash("identity-service", outage);
            Faults.sleep(Duration.ofSeconds(5));
            load.stop(Duration.ofMinutes(3));
            sent = load.sent();
            attempts = load.restAttempts();
            loadEnded = Instant.now();
        }
        Instant back = fault.killedAt().plus(fault.recovery());
        List<RestAttempt> duringOutage = attempts.stream()
                .filter(a -> !a.at().isBefore(fault.killedAt()) && a.at().isBefore(fault.killedAt().plus(outage))).toList();
        long acceptedAtOnce = duringOutage.stream().filter(a -> a.first() && (a.status() == 201 || a.status() == 200)).count();
        long sentDuringOutage = sent.stream().filter(s -> !s.sentAt().isBefore(fault.killedAt()) && s.sentAt().isBefore(back)).count();

        Convergence.Outcome outcome = Convergence.await(alice, faults.caller("sam"), customers, run, sent, Duration.ofMinutes(5));
        Figures.report("identity down for " + outage.toSeconds() + " s", String.format("""
                messages sent %d (%d while identity was down), stored %d, duplicated %d, misplaced %d, unresolved %d, lost %d
                REST contacts during the outage: %d answers, %d accepted at the first attempt; slowest %d ms
                faults injected: identity-service kill -9, held down %d s, answering again %.1f s after the kill
                every contact resolved into its timeline %.1f s after identity was back (%.1f s after the load ended)
                profiles counting other than sent: %d; contacts waiting for an agent without exactly one task: %d
                %s""", sent.size(), sentDuringOutage, outcome.tally().stored(), outcome.tally().duplicated(),
                outcome.tally().misplaced(), outcome.tally().unresolved(), outcome.tally().lost(), duringOutage.size(), acceptedAtOnce,
                duringOutage.stream().mapToLong(RestAttempt::millis).max().orElse(0), outage.toSeconds(),
                fault.recovery().toMillis() / 1e3, Duration.between(back, loadEnded.plus(outcome.waited())).toMillis() / 1e3,
                outcome.waited().toMillis() / 1e3, outcome.profiles().size(), outcome.tasks().size(),
                outcome.tally().examples().isEmpty() ? "" : "e.g. " + outcome.tally().examples()));

        assertThat(sentDuringOutage).as("messages sent while identity was down").isPositive();
        assertThat(duringOutage).as("REST contacts while identity was down").isNotEmpty()
                .allSatisfy(attempt -> assertThat(attempt.status()).as("answer while identity was down").isIn(200, 201));
        assertThat(outcome.tally().exactlyOnce()).as("every message resolved into its timeline exactly once: %s", outcome.tally()).isTrue();
        assertThat(outcome.profiles()).as("profiles counting other than the contacts sent").isEmpty();
        assertThat(outcome.tasks()).as("contacts waiting for an agent without exactly one routing task").isEmpty();
    }
}
