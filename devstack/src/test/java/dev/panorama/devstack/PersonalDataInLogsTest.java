package dev.panorama.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.PersonalDataInLogs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataInLogsTest {

    private final PersonalDataInLogs scan = PersonalDataInLogs.seeded(List.of("Quennell", "1 Harbour Street"));

    @Test
    void seededValuesAreFoundWhateverTheirCase() {
        assertThat(scan.findingsIn(List.of(
                "INFO resolved record of QUENNELL",
                "WARN could not geocode 1 harbour street",
                "INFO customer 0190a3c0-0000-7000-8000-000000000001 created"))).hasSize(2);
    }

    @Test
    void anEmailOrAPhoneNumberIsFoundEvenIfNoTestSeededIt() {
        assertThat(scan.findingsIn(List.of("DEBUG sender ann.lee+crm@mail.example.co.uk", "INFO calling +61291234567")))
                .hasSize(2);
    }

    @Test
    void idsTimesAndWordsContainingASeededValueAreNoFinding() {
        assertThat(scan.findingsIn(List.of(
                "2026-12-02 22:43:15,983 INFO  [io.quarkus] (main) gateway started in 117.684s",
                "INFO review 0190a3c0-0000-7000-8000-000000000001 ACCEPTED by dana (+00:00)",
                "INFO Quennellsville is a place name no test seeded"))).isEmpty();
    }
}
