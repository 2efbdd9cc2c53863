package dev.panorama.identity.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.PersonalDataInLogs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after all of identity-service's tests (failsafe, {@code verify}) and reads every line the service
 * logged meanwhile (target/test-logs): none may carry the personal data the tests seeded. Emails and phone
 * numbers are found by their shape (the tests generate them per run); names by the ones the tests use.
 */
class LogsCarryNoPersonalDataIT {

    /** Given and family names the tests put into source records (the generated ones vary per run). */
    private static final List<String> SEEDED_NAMES = List.of("Margaret", "Maggie", "Mags", "Winifred", "Winnie",
            "Beatrice", "Evelyn", "Freddie", "Olive", "Oscar", "Isla", "Freya", "Theo", "Quennell", "Lindqvist", "Okafor",
            "Nakamura", "Kowalski", "Haddad", "Vandermeer", "Imrie", "Fitzgerald");

    @Test
    void noLogLineOfTheTestsCarriesPersonalData() {
        List<String> lines = PersonalDataInLogs.lines(PersonalDataInLogs.DIRECTORY);
        assertThat(lines).as("the tests' log in " + PersonalDataInLogs.DIRECTORY + " (run the tests first)")
                .anyMatch(line -> line.contains("identity-service") && line.contains("started"));
        assertThat(PersonalDataInLogs.seeded(SEEDED_NAMES).findingsIn(lines)).isEmpty();
    }
}
