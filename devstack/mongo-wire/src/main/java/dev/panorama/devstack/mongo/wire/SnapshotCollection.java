package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * mongo-java-server's in-memory collection, except that a query answers copies taken under the collection's lock.
 * The original answers the stored documents themselves and writes them to the wire after releasing the lock, while
 * an update rewrites a stored document in place: a reader racing a writer could get a document half old, half new
 * (a new revision with the old content), and a compare-and-set on that revision then stored the old half. MongoDB
 * never answers a torn document; with copies, neither does this server.
 *
 * <p>Writes look their documents up through the same query path and change what it found, so while a write runs
 * (under the same lock) the stored documents are handed over as they are.
 *
 * <p>Non-unique indexes are {@link OrderedIndex}es (mongo-java-server keeps none), and a query that fixes an index's
 * leading keys reads its candidates from there ({@link IndexPlan}) instead of scanning the collection; it answers the
 * same documents in the same order as the scan would.
 */
class SnapshotCollection extends MemoryCollection {

    /** Field names seen in stored documents, up to a bound (data used as names, such as ids, must not fill the heap). */
    private static final Map<String, String> FIELD_NAMES = new ConcurrentHashMap<>();
    private static final int MAX_SHARED_NAMES = 10_000;

    private boolean writing;

    SnapshotCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        List<OrderedIndex> ordered = new ArrayList<>();
        for (Index<Integer> index : getIndexes()) {
            if (index instanceof OrderedIndex each) {
                ordered.add(each);
            } else if (index.canHandle(query)) {
                // a unique index finds its one document at once
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        Optional<IndexPlan> plan = ordered.isEmpty() ? Optional.empty() : IndexPlan.choose(query, orderBy, ordered);
        if (plan.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexPlan chosen = plan.get();
        if (chosen.ordered()) {
            Stream<Document> inOrder = chosen.index().walk(chosen.prefixes().getFirst(), chosen.bounds(), chosen.reverse()).map(this::getDocument);
            return matchDocumentsFromStream(query, inOrder, numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return matchDocumentsFromStream(candidatesInScanOrder(chosen).mapToObj(this::getDocument), query, orderBy,
                numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The candidates' positions ascending, once each: the order a scan meets them in, which a stable sort keeps for ties. */
    private IntStream candidatesInScanOrder(IndexPlan plan) {
        IntStream.Builder positions = IntStream.builder();
        for (Object[] prefix : plan.prefixes()) {
            plan.index().forEach(prefix, plan.bounds(), positions::add);
        }
        return positions.build().sorted().distinct();
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        shareFieldNames(document);
        return super.addDocumentInternal(document);
    }

    /**
     * Every decoded document has its own copy of each field name; a million stored documents of the same shape hold the
     * same few dozen names a million times over. Stored documents share them (the same map, entries in the same order).
     */
    private static void shareFieldNames(Document document) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet());
        document.clear();
        for (Map.Entry<String, Object> entry : entries) {
            document.put(shared(entry.getKey()), shareFieldNamesIn(entry.getValue()));
        }
    }

    private static String shared(String name) {
        String known = FIELD_NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (FIELD_NAMES.size() < MAX_SHARED_NAMES) {
            FIELD_NAMES.putIfAbsent(name, name);
        }
        return name;
    }

    private static Object shareFieldNamesIn(Object value) {
        if (value instanceof Document nested) {
            shareFieldNames(nested);
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                shareFieldNamesIn(element);
            }
        }
        return value;
    }

    /** The stored document at a position, for its indexes. */
    Document storedAt(int position) {
        return getDocument(position);
    }

    @Override
    public synchronized void addIndex(Index<Integer> index) {
        if (index instanceof OrderedIndex ordered) {
            ordered.bind(this);
        }
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
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
