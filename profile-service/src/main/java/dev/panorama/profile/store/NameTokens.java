package dev.panorama.profile.store;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names as the search keys hold them and as a search reads them: parts (split at spaces and commas), lower-cased, each
 * also without its accents, so an agent typing "kovacs" finds "Kovács" and "zoe" finds "Zoë".
 */
final class NameTokens {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameTokens() {
    }

    /** The keys a name is found by: each part lower-cased, and its unaccented form where that differs. */
    static Stream<String> keys(String name) {
        return words(name).stream().flatMap(word -> {
            String folded = folded(word);
            return folded.equals(word) ? Stream.of(word) : Stream.of(word, folded);
        });
    }

    /** The lower-cased words of a name or a query. */
    static List<String> words(String text) {
        return Arrays.stream(SEPARATORS.split(text.trim().toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty()).toList();
    }

    /** Lower-case text without accents; letters that carry no separable accent are spelt as they are usually typed. */
    static String folded(String lower) {
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss").replace("æ", "ae")
                .replace("œ", "oe").replace("ı", "i");
    }
}
