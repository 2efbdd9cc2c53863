package dev.panorama.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds personal data in the log lines an application wrote during its tests: the values the tests seeded
 * (names, emails, phones, addresses; matched case-insensitively as whole words), and anything shaped like an
 * email address or an international phone number, which no log line of Panorama should carry.
 *
 * <p>A module's test profile writes its log to {@code target/test-logs/} ({@code %test.quarkus.log.file.*});
 * an {@code *IT} runs after all its tests and fails on any finding.
 */
public final class PersonalDataInLogs {

    /** Where a module's test profile writes the application's log. */
    public static final Path DIRECTORY = Path.of("target", "test-logs");

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+\\d{10,15}(?!\\d)");

    private final List<Pattern> seeded;

    private PersonalDataInLogs(Collection<String> seededValues) {
        this.seeded = seededValues.stream()
                .map(value -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    /** A scan for these seeded values besides email and phone shapes. */
    public static PersonalDataInLogs seeded(Collection<String> values) {
        return new PersonalDataInLogs(values);
    }

    /** Every line of every log file in the directory (rotated ones included). */
    public static List<String> lines(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The lines carrying personal data, each with what was found. */
    public List<String> findingsIn(List<String> lines) {
        List<String> findings = new ArrayList<>();
        for (String line : lines) {
            String found = found(line);
            if (found != null) {
                findings.add(found + " in: " + line);
            }
        }
        return findings;
    }

    private String found(String line) {
        if (EMAIL.matcher(line).find()) {
            return "an email address";
        }
        if (PHONE.matcher(line).find()) {
            return "a phone number";
        }
        for (Pattern value : seeded) {
            if (value.matcher(line).find()) {
                return "seeded value '" + value.pattern().replaceAll(".*\\\\Q(.*)\\\\E.*", "$1").toLowerCase(Locale.ROOT) + "'";
            }
        }
        return null;
    }
}
