package dev.panorama.profile.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;

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
        return failure instanceof ProfileStore.ConcurrentChange || failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException || failure instanceof MongoConnectionPoolClearedException
                || failure instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError");
    }
}
