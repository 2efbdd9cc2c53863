package dev.panorama.identity.resolution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.panorama.identity.matching.BlockingKeys;
import dev.panorama.identity.matching.Resolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blocking keys seen shared by more records than a block holds ({@link Resolver#MAX_BLOCK_SIZE}). Such a key brings no
 * candidates and is not locked, yet the statement that locks a record's keys counted its block again for every record
 * carrying it: the cap's worth of index entries and their heap pages for each such key, and in a store of 100,000 about
 * half of a record's keys are such (a common given name with a birth year, a town with a family name's code). A block
 * shrinks only when records leave it (a new version, an erasure), so a key seen over the cap is left out of the count
 * for {@link #REMEMBERED_FOR}, then counted again.
 *
 * <p>Nor is a new record added to such a block ({@link #toIndex}): no resolution reads it, and each key row cost the
 * record's insert a heap tuple and an index entry, half of its key rows at 100,000 stored. A block comes back into
 * use only when it shrinks under the candidate budget ({@link dev.panorama.identity.matching.CandidateBlocks#BUDGET}),
 * more than thirty of its records leaving it (new versions, erasures) while none arrives; the records left out of it
 * meanwhile are then found through their other keys only. Keys that lookups read ({@link BlockingKeys#answersLookups})
 * are always indexed.
 */
@ApplicationScoped
public class FullBlocks {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);
    /** Some megabytes at most; a key forgotten early is only counted again. */
    static final int MAX_KEYS = 50_000;

    private final Cache<String, Boolean> full;

    public FullBlocks() {
        this(Ticker.systemTicker());
    }

    FullBlocks(Ticker ticker) {
        this.full = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(REMEMBERED_FOR).maximumSize(MAX_KEYS)
                .executor(Runnable::run).build();
    }

    /** The keys whose blocks are to be counted: all but those seen over the cap lately. */
    public Set<String> toCount(Set<String> keys) {
        return keys.stream().filter(key -> full.getIfPresent(key) == null).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The keys a new record is listed under in the blocking index: all but those whose blocks were seen over the cap
     * lately, lookups' keys always. Ask after {@link #remember}ing the keys the record's own count found full.
     */
    public Set<String> toIndex(Set<String> keys) {
        return keys.stream().filter(key -> BlockingKeys.answersLookups(key) || full.getIfPresent(key) == null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Keys whose blocks were just counted over the cap. */
    public void remember(Collection<String> keys) {
        keys.forEach(key -> full.put(key, Boolean.TRUE));
    }
}
