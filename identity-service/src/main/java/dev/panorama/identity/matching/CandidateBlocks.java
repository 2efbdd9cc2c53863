package dev.panorama.identity.matching;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a new record's blocks its candidates come from. A block of more than {@link Resolver#MAX_BLOCK_SIZE}
 * records says too little to be worth the comparisons. The others are taken smallest first, as long as together they
 * hold at most {@link #BUDGET} records: a loose key still under the cap (a given name with the family's initial, in a
 * store of some thousands) would otherwise bring dozens of strangers, each loaded, locked and scored, when the record's
 * rarer values (its e-mail, street, date of birth) have already found whoever it may be. Blocks are counted with
 * their overlaps, so a duplicate sharing many keys uses up more of the budget than a stranger does. The service makes
 * the same choice in the statement that locks the keys ({@code IdentityStore.latestVersionLockingKeys}).
 */
public final class CandidateBlocks {

    /** The most records a new record's chosen blocks hold together. */
    public static final int BUDGET = 20;

    private static final Comparator<Map.Entry<String, Integer>> SMALLEST_FIRST =
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private CandidateBlocks() {
    }

    /** @param sizes how many records each of the record's keys holds (a key of no stored record: 0) */
    public static Set<String> chosen(Map<String, Integer> sizes) {
        List<Map.Entry<String, Integer>> bySize = sizes.entrySet().stream()
                .filter(block -> block.getValue() <= Resolver.MAX_BLOCK_SIZE).sorted(SMALLEST_FIRST).toList();
        Set<String> chosen = new LinkedHashSet<>();
        int taken = 0;
        for (Map.Entry<String, Integer> block : bySize) {
            if (taken + block.getValue() > BUDGET) {
                break;
            }
            taken += block.getValue();
            chosen.add(block.getKey());
        }
        return chosen;
    }
}
