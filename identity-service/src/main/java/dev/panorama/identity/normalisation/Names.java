package dev.panorama.identity.normalisation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Person names reduced to what identifies them: lower case, no accents, titles or punctuation. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z' -]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s'-]+");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame",
            "rev", "herr", "frau", "mme", "mlle", "m", "sr", "sra", "jr", "snr", "jnr");

    private Names() {
    }

    /** {@code "Dr. José  O'Brien-Smith"} becomes {@code "jose obrien smith"}; blank becomes null. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String folded = fold(name).replace('.', ' ');
        String letters = NOT_LETTERS.matcher(folded).replaceAll(" ").replace("'", "");
        String joined = Arrays.stream(SEPARATORS.split(letters.trim()))
                .filter(token -> !token.isEmpty() && !TITLES.contains(token))
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** Lower case without accents: {@code "Ångström"} becomes {@code "angstrom"}. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
