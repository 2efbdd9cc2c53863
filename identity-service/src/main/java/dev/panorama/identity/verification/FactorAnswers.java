package dev.panorama.identity.verification;

import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers to some of the factors; a factor left out (or null) is not part of the request. */
@Schema(name = "VerificationFactors", description = "Answers to verification factors; each is optional, absent or null means"
        + " 'not given'. Answers are normalised before hashing, so formatting does not matter.")
public record FactorAnswers(
        @Size(max = 40) @Schema(description = "A date: 1956-04-09, 19560409, 09/04/1956 or 9.4.1956 (day first when ambiguous)",
                examples = "1956-04-09") String memorableDate,
        @Size(max = 200) @Schema(description = "Compared without regard to case or whitespace", examples = "Blue harbour lights")
        String passphrase,
        @Size(max = 20) @Schema(description = "Compared without spaces or punctuation, in upper case", examples = "SW1A 1AA")
        String postcode,
        @Size(max = 20) @Schema(description = "The last 4 digits of an account number", examples = "4321")
        String accountLastDigits) {

    public Map<Factor, String> given() {
        Map<Factor, String> given = new EnumMap<>(Factor.class);
        put(given, Factor.MEMORABLE_DATE, memorableDate);
        put(given, Factor.PASSPHRASE, passphrase);
        put(given, Factor.POSTCODE, postcode);
        put(given, Factor.ACCOUNT_LAST_DIGITS, accountLastDigits);
        return given;
    }

    /** The given answers in their canonical form; 400 naming each field (under {@code fieldPrefix}) that cannot be one. */
    public Map<Factor, String> normalised(String fieldPrefix) {
        Map<Factor, String> normalised = new EnumMap<>(Factor.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        given().forEach((factor, raw) -> FactorNormaliser.normalise(factor, raw).ifPresentOrElse(
                answer -> normalised.put(factor, answer),
                () -> errors.add(new Problem.FieldError(fieldPrefix + factor.fieldName(), FactorNormaliser.expected(factor)))));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return normalised;
    }

    private static void put(Map<Factor, String> given, Factor factor, String value) {
        if (value != null) {
            given.put(factor, value);
        }
    }
}
