package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/**
 * The in-memory backend with {@link SnapshotCollection}s: queries answer documents as they were, never half updated, and
 * non-unique indexes are kept ({@link OrderedIndex}) and used.
 */
final class SnapshotMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
        return new MemoryDatabase(name, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                return new SnapshotCollection(this, collection, options, cursorRegistry);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return new OrderedIndex(indexName, keys, sparse);
            }
        };
    }
}
