package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every journey has run: no log of the suite (each service's, the gateway's, each server's) holds any personal
 * value the journeys seeded. A finding names the file, the line and which seeded value it was by number, never the
 * value itself, so the report does not spread what it found.
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
        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            findings.addAll(scan(log, seeded));
        }
        assertThat(findings).as("log lines with seeded personal data (file:line: which value)").isEmpty();
    }

    private static List<Path> logsOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static List<String> scan(Path log, List<String> seeded) throws IOException {
        List<String> lowerSeeded = seeded.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        List<String> findings = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String lower = line.toLowerCase(Locale.ROOT);
                for (int i = 0; i < lowerSeeded.size(); i++) {
                    if (lower.contains(lowerSeeded.get(i))) {
                        findings.add(log.getFileName() + ":" + number + ": seeded value #" + i + " (" + kind(seeded.get(i)) + ")");
                    }
                }
            }
        }
        return findings;
    }

    /** What sort of value it was, without the value. */
    private static String kind(String value) {
        if (value.contains("@")) {
            return "an e-mail address";
        }
        if (value.replaceAll("[\\s+()-]", "").chars().allMatch(Character::isDigit)) {
            return "a phone number";
        }
        return Set.of(value.split(" ")).size() > 1 ? "a name, address or text" : "a name or identifier";
    }
}
