package dev.panorama.routing.store;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int MAX_LIMIT = 200;

    public static int limit(Integer asked) {
        if (asked == null) {
            return 50;
        }
        if (asked < 1 || asked > MAX_LIMIT) {
            throw dev.panorama.kit.problem.InvalidInputException.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return asked;
    }
}
