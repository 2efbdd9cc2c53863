package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.function.Supplier;

/**
 * mongo-java-server's in-memory collection, except that a query answers copies taken under the collection's lock.
 * The original answers the stored documents themselves and writes them to the wire after releasing the lock, while
 * an update rewrites a stored document in place: a reader racing a writer could get a document half old, half new
 * (a new revision with the old content), and a compare-and-set on that revision then stored the old half. MongoDB
 * never answers a torn document; with copies, neither does this server.
 *
 * <p>Writes look their documents up through the same query path and change what it found, so while a write runs
 * (under the same lock) the stored documents are handed over as they are.
 */
class SnapshotCollection extends MemoryCollection {

    private boolean writing;

    SnapshotCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult createQueryResult(List<Document> documents, int batchSize) {
        return super.createQueryResult(writing ? documents : documents.stream().map(Document::cloneDeeply).toList(), batchSize);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
            boolean upsert, Oplog oplog) {
        return whileWriting(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Document result = whileWriting(() -> super.findAndModify(query));
        if (result.get("value") instanceof Document value) {
            result.put("value", value.cloneDeeply());
        }
        return result;
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return whileWriting(() -> super.deleteDocuments(selector, limit, oplog));
    }

    private <T> T whileWriting(Supplier<T> write) {
        writing = true;
        try {
            return write.get();
        } finally {
            writing = false;
        }
    }
}
