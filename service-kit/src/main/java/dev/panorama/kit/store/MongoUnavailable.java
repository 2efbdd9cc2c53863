package dev.panorama.kit.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Whether a failure says MongoDB cannot be reached now (server down or out of reach, no primary yet, a node recovering,
 * the pool cleared after a network error) rather than that the work itself is wrong. Such work is worth doing again
 * later; dead-lettering it would lose it for good.
 */
public final class MongoUnavailable {

    /** The label the server and the driver put on a write that may succeed when tried again. */
    private static final String RETRYABLE_WRITE = "RetryableWriteError";

    private MongoUnavailable() {
    }

    public static boolean is(Throwable failure) {
        return Causes.any(failure, MongoUnavailable::itself);
    }

    private static boolean itself(Throwable cause) {
        return cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                || cause instanceof MongoConnectionPoolClearedException
                || cause instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE);
    }
}
