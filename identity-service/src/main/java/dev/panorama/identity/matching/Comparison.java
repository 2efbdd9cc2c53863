package dev.panorama.identity.matching;

import dev.panorama.identity.normalisation.Nicknames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;

/**
 * The fields compared between two records, each with its comparison levels from the strongest
 * agreement to disagreement. {@link #level} answers the level, or {@link #MISSING} when either side
 * lacks the value (missing values neither help nor hurt).
 */
public enum Comparison {
    GIVEN_NAME(List.of("exact", "nickname", "jaro-winkler >= 0.92", "jaro-winkler >= 0.80", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            return names(a.givenName(), b.givenName(), true);
        }
    },
    FAMILY_NAME(List.of("exact", "jaro-winkler >= 0.92", "jaro-winkler >= 0.80 or sounds alike", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            int level = names(a.familyName(), b.familyName(), false);
            return level > 0 ? level - 1 : level;
        }
    },
    BIRTH_DATE(List.of("exact", "one typo or day and month swapped", "within a year", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            return dates(a.birthDate(), b.birthDate());
        }
    },
    EMAIL(List.of("exact", "same mailbox name or one typo", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            return sets(a.emails(), b.emails(), Comparison::emailLevel);
        }
    },
    PHONE(List.of("exact", "same last seven digits", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            return sets(a.phones(), b.phones(), Comparison::phoneLevel);
        }
    },
    STREET(List.of("exact", "house number within a typo, street jaro-winkler >= 0.90", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            if (a.street() == null || b.street() == null) {
                return MISSING;
            }
            if (a.street().equals(b.street())) {
                return 0;
            }
            boolean sameHouse = Similarity.edits(houseNumber(a.street()), houseNumber(b.street())) <= 1;
            return sameHouse && Similarity.jaroWinkler(a.street(), b.street()) >= 0.90 ? 1 : 2;
        }
    },
    LOCALITY(List.of("exact", "jaro-winkler >= 0.90", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            return fuzzy(a.locality(), b.locality(), 0.90);
        }
    },
    POSTCODE(List.of("exact", "one typo", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            if (a.postcode() == null || b.postcode() == null) {
                return MISSING;
            }
            return Math.min(Similarity.edits(a.postcode(), b.postcode()), 2);
        }
    },
    REGION(List.of("exact", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            if (a.region() == null || b.region() == null) {
                return MISSING;
            }
            return a.region().equals(b.region()) ? 0 : 1;
        }
    },
    UNIQUE_ID(List.of("exact", "one typo", "different")) {
        @Override
        int compare(PersonRecord a, PersonRecord b) {
            int best = MISSING;
            for (Map.Entry<String, String> id : a.uniqueIds().entrySet()) {
                String other = b.uniqueIds().get(id.getKey());
                if (other != null) {
                    int level = Math.min(Similarity.edits(id.getValue(), other), 2);
                    best = best == MISSING ? level : Math.min(best, level);
                }
            }
            return best;
        }
    };

    public static final int MISSING = -1;

    private final List<String> levels;

    Comparison(List<String> levels) {
        this.levels = levels;
    }

    /** The level of agreement between two records on this field, or {@link #MISSING}. */
    public int level(PersonRecord a, PersonRecord b) {
        return compare(a, b);
    }

    abstract int compare(PersonRecord a, PersonRecord b);

    public List<String> levels() {
        return levels;
    }

    public String describe(int level) {
        return level == MISSING ? "missing" : levels.get(level);
    }

    /** The name of the record field whose value frequencies adjust an exact match, or null for fields without. */
    public String termField() {
        return switch (this) {
            case GIVEN_NAME -> "givenName";
            case FAMILY_NAME -> "familyName";
            case LOCALITY -> "locality";
            case POSTCODE -> "postcode";
            case STREET -> "street";
            case REGION -> "region";
            default -> null;
        };
    }

    /** The value whose frequency adjusts the weight of an exact match (common names weigh less). */
    String termOf(PersonRecord record) {
        return switch (this) {
            case GIVEN_NAME -> record.givenName();
            case FAMILY_NAME -> record.familyName();
            case LOCALITY -> record.locality();
            case POSTCODE -> record.postcode();
            case STREET -> record.street();
            case REGION -> record.region();
            default -> null;
        };
    }

    private static int names(String a, String b, boolean nicknames) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        if (nicknames && NICKNAMES.equivalent(a, b)) {
            return 1;
        }
        double similarity = Similarity.jaroWinkler(a, b);
        if (similarity >= 0.92) {
            return 2;
        }
        return similarity >= 0.80 || Similarity.soundAlike(a, b) ? 3 : 4;
    }

    /** The street's digits, in order (a regular expression here cost a compiled pattern per comparison). */
    static String houseNumber(String street) {
        StringBuilder digits = new StringBuilder(8);
        for (int i = 0; i < street.length(); i++) {
            char c = street.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static int fuzzy(String a, String b, double threshold) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        return Similarity.jaroWinkler(a, b) >= threshold ? 1 : 2;
    }

    private static int dates(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return 0;
        }
        if (Similarity.edits(Similarity.compact(a), Similarity.compact(b)) == 1 || Similarity.dayMonthSwapped(a, b)) {
            return 1;
        }
        return Math.abs(a.toEpochDay() - b.toEpochDay()) <= 366 ? 2 : 3;
    }

    private static int emailLevel(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        String localA = a.substring(0, a.indexOf('@'));
        String localB = b.substring(0, b.indexOf('@'));
        return localA.equals(localB) || Similarity.edits(a, b) <= 1 ? 1 : 2;
    }

    private static int phoneLevel(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return a.length() >= 7 && b.length() >= 7 && a.substring(a.length() - 7).equals(b.substring(b.length() - 7)) ? 1 : 2;
    }

    private static int sets(Set<String> a, Set<String> b, ToIntBiFunction<String, String> level) {
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        int best = Integer.MAX_VALUE;
        for (String x : a) {
            for (String y : b) {
                best = Math.min(best, level.applyAsInt(x, y));
            }
        }
        return best;
    }

    private static final Nicknames NICKNAMES = Nicknames.defaults();
}
