package dev.panorama.journeys.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTest {

    @Test
    void a_seeded_value_in_any_case_is_found_by_file_and_line_without_quoting_it(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("profile-service.log");
        Files.write(log, List.of("INFO profile 0190 updated", "WARN could not reach MARGARET.HALE@example.org",
                "INFO customer 0190 erased", "DEBUG caller +44 20 7946 0321 waited"));

        List<String> findings = new LogScan(List.of("margaret.hale@example.org", "+44 20 7946 0321", "Okonkwo")).findings(log);

        assertThat(findings).containsExactly("profile-service.log:2: seeded value #0 (an e-mail address)",
                "profile-service.log:4: seeded value #1 (a phone number)");
        assertThat(String.join("\n", findings)).doesNotContainIgnoringCase("margaret").doesNotContain("7946");
    }

    @Test
    void a_clean_log_has_no_findings(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("gateway.log");
        Files.write(log, List.of("INFO GET /api/v1/profiles/0190 200", "INFO customer 0190 erased"));

        assertThat(new LogScan(List.of("Okonkwo", "QQ123456C")).findings(log)).isEmpty();
    }
}
