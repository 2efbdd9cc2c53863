package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.journeys.suite.LogScan;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every journey has run: no log of the suite (each service's, the gateway's, each server's) holds any personal
 * value the journeys seeded; a finding names file and line, never the value ({@link LogScan}).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(WholeSuite.class)
class NoPersonalDataInLogsIT {

    @Test
    void no_log_of_the_suite_holds_the_personal_data_the_journeys_seeded(Panorama panorama) throws IOException {
        List<String> seeded = SeededPersonalData.values().stream().sorted().toList();
        assertThat(seeded).as("the journeys ran first in this JVM and seeded personal data").isNotEmpty();
        List<Path> logs = logsOf(panorama.logDir());
        assertThat(logs).as("every service's and the gateway's log").extracting(log -> log.getFileName().toString())
                .contains("identity-service.log", "interaction-service.log", "profile-service.log", "routing-service.log",
                        "gateway.log");
        LogScan scan = new LogScan(seeded);
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            findings.addAll(scan.findings(log));
        }
        assertThat(findings).as("log lines with seeded personal data (file:line: which value)").isEmpty();
    }

    private static List<Path> logsOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }
}
