package dev.panorama.gateway.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.PersonalDataInLogs;
import dev.panorama.gateway.testing.SeededPersonalData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after all the gateway's tests (failsafe, {@code verify}) and reads every line the gateway logged
 * meanwhile (target/test-logs): none may carry the personal data the tests sent through it, nor anything
 * shaped like an email address or a phone number.
 */
class LogsCarryNoPersonalDataIT {

    @Test
    void noLogLineOfTheTestsCarriesPersonalData() {
        List<String> lines = PersonalDataInLogs.lines(PersonalDataInLogs.DIRECTORY);
        assertThat(lines).as("the tests' log in " + PersonalDataInLogs.DIRECTORY + " (run the tests first)")
                .anyMatch(line -> line.contains("gateway") && line.contains("started"));
        assertThat(PersonalDataInLogs.seeded(SeededPersonalData.ALL).findingsIn(lines)).isEmpty();
    }
}
