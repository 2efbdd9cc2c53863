package dev.panorama.identity.matching;

/**
 * Keeps two customers apart however well a new record matches both: when they hold different values
 * of an identifier that belongs to one customer only (beyond a typo), or clearly different dates of
 * birth. Only a data steward merges such customers. The same conflict stops the deterministic
 * identifier rule from linking a record on its own.
 */
public final class MergeProtection {

    private final IdentityGraph graph;

    MergeProtection(IdentityGraph graph) {
        this.graph = graph;
    }

    boolean allowsMerge(String customerA, String customerB) {
        for (String a : graph.recordsOf(customerA)) {
            for (String b : graph.recordsOf(customerB)) {
                if (conflict(graph.record(a), graph.record(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether these two records cannot be the same person's, as far as a merge is concerned. */
    public static boolean conflict(PersonRecord a, PersonRecord b) {
        int id = Comparison.UNIQUE_ID.level(a, b);
        int birth = Comparison.BIRTH_DATE.level(a, b);
        return id == 2 || birth == 3;
    }
}
