package dev.panorama.identity.verification;

import dev.panorama.identity.normalisation.Addresses;
import dev.panorama.identity.normalisation.Dates;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings an answer to the one form that is hashed, so that the variants a caller says or types for the same
 * answer (another date format, a postcode without its space, a passphrase in other case) verify alike.
 */
public final class FactorNormaliser {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Enough for any text: each pass after the first only reorders marks or removes what the one before exposed. */
    private static final int PASSPHRASE_PASSES = 4;
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    private FactorNormaliser() {
    }

    /** The canonical answer, or empty when the text cannot be an answer to this factor. */
    public static Optional<String> normalise(Factor factor, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (factor) {
            case MEMORABLE_DATE -> Dates.parse(raw).map(Object::toString);
            case POSTCODE -> Optional.ofNullable(Addresses.postcode(raw));
            case PASSPHRASE -> passphrase(raw);
            case ACCOUNT_LAST_DIGITS -> lastDigits(raw);
        };
    }

    /** What a valid answer looks like, for the message naming a field that is not one; never echoes the answer. */
    public static String expected(Factor factor) {
        return switch (factor) {
            case MEMORABLE_DATE -> "must be a date such as 1956-04-09, 19560409, 09/04/1956 or 9.4.1956";
            case POSTCODE -> "must contain letters or digits";
            case PASSPHRASE -> "must contain at least one character other than whitespace";
            case ACCOUNT_LAST_DIGITS -> "must be exactly 4 digits";
        };
    }

    /**
     * NFKC, whitespace removed, lower case, repeated until nothing changes: on rare text one step undoes another's work
     * (a space removed leaves combining marks out of canonical order; NFKC turns some characters into a space and a
     * mark), and an answer normalised once must be what normalising it again gives, or it would not verify.
     */
    private static Optional<String> passphrase(String raw) {
        String answer = passphraseStep(raw);
        for (int pass = 1; pass < PASSPHRASE_PASSES; pass++) {
            String again = passphraseStep(answer);
            if (again.equals(answer)) {
                break;
            }
            answer = again;
        }
        return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
    }

    private static String passphraseStep(String text) {
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static Optional<String> lastDigits(String raw) {
        String digits = WHITESPACE.matcher(raw).replaceAll("");
        return FOUR_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
