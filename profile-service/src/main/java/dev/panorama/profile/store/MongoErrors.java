package dev.panorama.profile.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

final class MongoErrors {

    private MongoErrors() {
    }

    static boolean duplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
