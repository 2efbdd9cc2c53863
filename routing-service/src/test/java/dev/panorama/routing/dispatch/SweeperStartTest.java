package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service starts without the sweeper's failures in its log: the scheduler ticks while reactive messaging is still
 * connecting the outbox channel, and a sweep then failed to nudge the relay ("Unable to connect an emitter with the
 * channel `outbox`"), an error with its stack trace at each tick until the service had started.
 */
@QuarkusTest
class SweeperStartTest {

    /** The log of this start of the application: the test profile begins the file afresh at each start. */
    private static final Path LOG = Path.of("target", "test-logs", "routing-service.log");

    @Test
    void theServiceStartsWithoutTheSweepersFailuresInItsLog() throws IOException {
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        int started = indexOfStarted(lines);
        assertThat(started).as("the line saying the service started, in " + LOG).isNotNegative();
        List<String> failures = lines.subList(0, started + 1).stream().filter(SweeperStartTest::sweeperFailure).toList();
        assertThat(failures).as("the sweeper's failures while the service started").isEmpty();
    }

    private static boolean sweeperFailure(String line) {
        return line.contains("Unable to connect an emitter")
                || (line.contains("ERROR") || line.contains("WARN")) && line.contains("Sweeper");
    }

    private static int indexOfStarted(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("routing-service") && lines.get(i).contains(" started in ")) {
                return i;
            }
        }
        return -1;
    }
}
