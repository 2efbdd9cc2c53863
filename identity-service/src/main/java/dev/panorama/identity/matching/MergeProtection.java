package dev.panorama.identity.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Keeps two customers apart however well a new record matches both: when they hold different values
 * of an identifier that belongs to one customer only (beyond a typo), clearly different dates of birth,
 * or when a data steward kept them apart (rejected them as a possible match, split them, undid their merge).
 * Only people merge such customers. A record is not linked automatically to a customer it conflicts with
 * either: see {@link #allowsScoredLink} and {@link #allowsIdentifierLink}.
 */
public final class MergeProtection {

    private static final int GIVEN_NAME_DIFFERENT = Comparison.GIVEN_NAME.levels().size() - 1;

    private final IdentityGraph graph;

    MergeProtection(IdentityGraph graph) {
        this.graph = graph;
    }

    boolean allowsMerge(String customerA, String customerB) {
        if (graph.keptApart(customerA, customerB)) {
            return false;
        }
        for (String a : graph.recordsOf(customerA)) {
            for (String b : graph.recordsOf(customerB)) {
                if (conflict(graph.record(a), graph.record(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a record scoring above the link threshold may join this customer automatically. It may not
     * when its date of birth is clearly different from every one the customer's records hold and, besides,
     * its given name differs from all of theirs or a unique identifier conflicts: another member of the
     * household sharing their e-mail, phone and address. A date alone is not enough: the labelled data
     * sets hold true duplicates whose dates were replaced (see the README, identity-service).
     */
    boolean allowsScoredLink(PersonRecord record, String customer) {
        List<PersonRecord> theirs = theirs(customer);
        return !(clearlyAnotherBirth(record, theirs) && (anotherGivenName(record, theirs) || anotherIdentifier(record, theirs)));
    }

    /**
     * Whether the deterministic rule (an exact unique identifier, whatever the score) may link the record:
     * not when its date of birth is clearly different from every one the customer's records hold.
     */
    boolean allowsIdentifierLink(PersonRecord record, String customer) {
        return !clearlyAnotherBirth(record, theirs(customer));
    }

    private List<PersonRecord> theirs(String customer) {
        return graph.recordsOf(customer).stream().map(graph::record).toList();
    }

    /** The given name is known on both sides and nowhere even similar (nickname, jaro-winkler, sound). */
    private static boolean anotherGivenName(PersonRecord record, List<PersonRecord> theirs) {
        List<Integer> levels = theirs.stream().map(other -> Comparison.GIVEN_NAME.level(record, other))
                .filter(level -> level != Comparison.MISSING).toList();
        return !levels.isEmpty() && levels.stream().allMatch(level -> level == GIVEN_NAME_DIFFERENT);
    }

    private static boolean clearlyAnotherBirth(PersonRecord record, List<PersonRecord> theirs) {
        if (record.birthDate() == null) {
            return false;
        }
        List<LocalDate> known = theirs.stream().map(PersonRecord::birthDate).filter(Objects::nonNull).toList();
        return !known.isEmpty() && known.stream().allMatch(birth -> clearlyDifferentBirthDates(record.birthDate(), birth));
    }

    private static boolean anotherIdentifier(PersonRecord record, List<PersonRecord> theirs) {
        int best = Comparison.MISSING;
        for (PersonRecord other : theirs) {
            int level = Comparison.UNIQUE_ID.level(record, other);
            if (level != Comparison.MISSING) {
                best = best == Comparison.MISSING ? level : Math.min(best, level);
            }
        }
        return best == 2;
    }

    /** Whether these two records cannot be the same person's, as far as a merge is concerned. */
    public static boolean conflict(PersonRecord a, PersonRecord b) {
        return Comparison.UNIQUE_ID.level(a, b) == 2 || clearlyDifferentBirthDates(a.birthDate(), b.birthDate());
    }

    /**
     * Dates of birth no slip explains: more than a year apart, and not one digit wrong, not two
     * neighbouring digits swapped, not day and month swapped (the date normaliser already reads 9/4 and
     * 4/9 both ways). Dates within a year are left to the score: true duplicates in the labelled data
     * often have the day or month wrong.
     */
    public static boolean clearlyDifferentBirthDates(LocalDate a, LocalDate b) {
        if (a == null || b == null || Math.abs(a.toEpochDay() - b.toEpochDay()) <= 366 || Similarity.dayMonthSwapped(a, b)) {
            return false;
        }
        String x = Similarity.compact(a);
        String y = Similarity.compact(b);
        return Similarity.edits(x, y) > 1 && !neighboursSwapped(x, y);
    }

    private static boolean neighboursSwapped(String x, String y) {
        int first = 0;
        while (first < x.length() && x.charAt(first) == y.charAt(first)) {
            first++;
        }
        return first + 1 < x.length() && x.charAt(first) == y.charAt(first + 1) && x.charAt(first + 1) == y.charAt(first)
                && x.substring(first + 2).equals(y.substring(first + 2));
    }
}
