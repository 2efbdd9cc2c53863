package dev.panorama.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class FactorNormaliserTest {

    @Property
    void everyWayOfWritingADateGivesTheSameAnswer(@ForAll("dates") LocalDate date, @ForAll("dateFormats") String format) {
        String written = write(date, format);
        assertThat(FactorNormaliser.normalise(Factor.MEMORABLE_DATE, written)).as(written).contains(date.toString());
    }

    @Property
    void monthFirstDatesVerifyWhenOnlyThatReadingIsADate(@ForAll("dates") LocalDate date) {
        String monthFirst = date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
        if (date.getDayOfMonth() > 12) {
            assertThat(FactorNormaliser.normalise(Factor.MEMORABLE_DATE, monthFirst)).contains(date.toString());
        }
    }

    @Property
    void postcodesIgnoreCaseSpacesAndPunctuation(@ForAll @AlphaChars @StringLength(min = 2, max = 4) String outward,
            @ForAll @NumericChars @StringLength(min = 1, max = 3) String inward, @ForAll @IntRange(max = 3) int spaces) {
        String canonical = (outward + inward).toUpperCase(Locale.ROOT);
        String spoken = " " + outward.toLowerCase(Locale.ROOT) + " ".repeat(spaces) + "-" + inward + " ";
        assertThat(FactorNormaliser.normalise(Factor.POSTCODE, spoken)).contains(canonical);
        assertThat(FactorNormaliser.normalise(Factor.POSTCODE, canonical)).contains(canonical);
    }

    @Property
    void passphrasesIgnoreCaseAndWhitespace(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String second) {
        String typed = first.toUpperCase(Locale.ROOT) + second.toLowerCase(Locale.ROOT);
        String spoken = "  " + first.toLowerCase(Locale.ROOT) + " \t " + second.toUpperCase(Locale.ROOT) + "\n";
        assertThat(FactorNormaliser.normalise(Factor.PASSPHRASE, spoken))
                .isPresent()
                .isEqualTo(FactorNormaliser.normalise(Factor.PASSPHRASE, typed));
    }

    @Property
    void normalisedAnswersAreFixedPoints(@ForAll("factors") Factor factor, @ForAll @StringLength(max = 30) String raw) {
        FactorNormaliser.normalise(factor, raw)
                .ifPresent(once -> assertThat(FactorNormaliser.normalise(factor, once)).contains(once));
    }

    @Property
    void accountLastDigitsAreExactlyFourDigits(@ForAll @NumericChars @StringLength(min = 0, max = 8) String digits) {
        assertThat(FactorNormaliser.normalise(Factor.ACCOUNT_LAST_DIGITS, digits).isPresent()).isEqualTo(digits.length() == 4);
    }

    @Example
    void answersThatCannotBeAnswersAreRefused() {
        assertThat(FactorNormaliser.normalise(Factor.MEMORABLE_DATE, "the day after tomorrow")).isEmpty();
        assertThat(FactorNormaliser.normalise(Factor.MEMORABLE_DATE, "31/02/1990")).isEmpty();
        assertThat(FactorNormaliser.normalise(Factor.POSTCODE, " - ")).isEmpty();
        assertThat(FactorNormaliser.normalise(Factor.PASSPHRASE, " \t ")).isEmpty();
        assertThat(FactorNormaliser.normalise(Factor.ACCOUNT_LAST_DIGITS, "12a4")).isEmpty();
        assertThat(FactorNormaliser.normalise(Factor.ACCOUNT_LAST_DIGITS, "12 34")).contains("1234");
        assertThat(FactorNormaliser.normalise(Factor.POSTCODE, null)).isEmpty();
    }

    @Example
    void marksAPassphraseSpaceKeptApartAreOrderedOnceTheSpaceIsGone() {
        String once = FactorNormaliser.normalise(Factor.PASSPHRASE, "\u0308 \u064C\u0651").orElseThrow();
        assertThat(once).isEqualTo("\u064C\u0651\u0308");
        assertThat(FactorNormaliser.normalise(Factor.PASSPHRASE, once)).contains(once);
    }

    @Example
    void composedAndDecomposedAccentsAreOnePassphrase() {
        assertThat(FactorNormaliser.normalise(Factor.PASSPHRASE, "Cafe\u0301 Noir"))
                .isEqualTo(FactorNormaliser.normalise(Factor.PASSPHRASE, "café noir"));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 170).map(days -> LocalDate.of(1860, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<String> dateFormats() {
        return Arbitraries.of("iso", "iso-short", "compact", "slashed", "slashed-short", "dotted", "dotted-short", "dashed");
    }

    @Provide
    Arbitrary<Factor> factors() {
        return Arbitraries.of(Factor.class);
    }

    private static String write(LocalDate date, String format) {
        int d = date.getDayOfMonth();
        int m = date.getMonthValue();
        int y = date.getYear();
        return switch (format) {
            case "iso" -> date.toString();
            case "iso-short" -> y + "-" + m + "-" + d;
            case "compact" -> String.format("%04d%02d%02d", y, m, d);
            case "slashed" -> String.format(" %02d/%02d/%04d ", d, m, y);
            case "slashed-short" -> d + "/" + m + "/" + y;
            case "dotted" -> String.format("%02d.%02d.%04d", d, m, y);
            case "dotted-short" -> d + "." + m + "." + y;
            case "dashed" -> String.format("%02d-%02d-%04d", d, m, y);
            default -> throw new IllegalArgumentException(format);
        };
    }
}
