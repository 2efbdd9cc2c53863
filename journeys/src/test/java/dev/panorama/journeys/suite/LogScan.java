package dev.panorama.journeys.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks for personal values in log files, ignoring case. A finding names the file, the line and which value it was
 * by its number in the given list and its kind, never the value itself, so a report does not spread what it found.
 */
public final class LogScan {

    private final List<String> values;
    private final List<String> lowerCase;

    public LogScan(List<String> values) {
        this.values = List.copyOf(values);
        this.lowerCase = values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> findings(Path log) throws IOException {
        List<String> findings = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String lower = line.toLowerCase(Locale.ROOT);
                for (int i = 0; i < lowerCase.size(); i++) {
                    if (lower.contains(lowerCase.get(i))) {
                        findings.add(log.getFileName() + ":" + number + ": seeded value #" + i + " (" + kind(values.get(i)) + ")");
                    }
                }
            }
        }
        return findings;
    }

    /** What sort of value it was, without the value. */
    static String kind(String value) {
        if (value.contains("@")) {
            return "an e-mail address";
        }
        if (value.replaceAll("[\\s+()-]", "").chars().allMatch(Character::isDigit)) {
            return "a phone number";
        }
        return value.contains(" ") ? "a name, address or text" : "a name or identifier";
    }
}
