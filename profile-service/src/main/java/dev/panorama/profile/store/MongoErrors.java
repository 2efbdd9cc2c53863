package dev.panorama.profile.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.panorama.kit.store.MongoUnavailable;

/** How the store's failures are told apart. */
public final class MongoErrors {

    private MongoErrors() {
    }

    static boolean duplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * A failure that passes by itself: the server out of reach or changing primaries, or other writers winning every
     * race for a profile. Waiting and trying again loses nothing; refusing the event would.
     */
    public static boolean passing(Throwable failure) {
        return failure instanceof ProfileStore.ConcurrentChange || MongoUnavailable.is(failure);
    }
}
