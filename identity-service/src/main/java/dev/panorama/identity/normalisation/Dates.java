package dev.panorama.identity.normalisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth written in the common ways: {@code 1956-04-09}, {@code 19560409}, {@code 09/04/1956},
 * {@code 9.4.1956}. Day-first is assumed for slashed dates unless only month-first is a valid date.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SEPARATED = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");

    private Dates() {
    }

    public static Optional<LocalDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim();
        Matcher matcher;
        if ((matcher = ISO.matcher(text)).matches() || (matcher = COMPACT.matcher(text)).matches()) {
            return date(matcher.group(1), matcher.group(2), matcher.group(3));
        }
        if ((matcher = SEPARATED.matcher(text)).matches()) {
            String first = matcher.group(1);
            String second = matcher.group(2);
            String year = matcher.group(3);
            return date(year, second, first).or(() -> date(year, first, second));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.getYear() < 1850 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
