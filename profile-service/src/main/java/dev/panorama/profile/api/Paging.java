package dev.panorama.profile.api;

import dev.panorama.kit.problem.InvalidInputException;

/** The one rule for page sizes: 1 up to the configured cap, the cap when absent. */
public final class Paging {

    private Paging() {
    }

    public static int limit(Integer asked, int cap) {
        if (asked == null) {
            return cap;
        }
        if (asked < 1 || asked > cap) {
            throw InvalidInputException.field("limit", "must be between 1 and " + cap);
        }
        return asked;
    }
}
