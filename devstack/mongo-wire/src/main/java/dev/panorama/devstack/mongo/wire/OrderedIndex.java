package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * A non-unique (compound, ascending or descending, optionally sparse) index of a {@link SnapshotCollection}, kept in
 * index order: what MongoDB builds for {@code createIndex} without {@code unique}, where mongo-java-server keeps
 * nothing. {@link IndexPlan} uses it to find the candidates of a query with equality on its leading keys, and to walk
 * them in the requested sort order when that is the index's order.
 *
 * <p>Entries are keyed by the document's index key (values compared as a sort compares them, descending keys
 * reversed) and hold the documents' positions in ascending order, so that documents with equal keys come out in the
 * order a collection scan finds them. An array value makes one entry per element, as in MongoDB (a multikey index);
 * such an index still finds candidates, but its order is no longer a sort order.
 *
 * <p>Not thread-safe: its collection calls it under its own lock.
 */
final class OrderedIndex extends Index<Integer> {

    private static final ValueComparator VALUES = ValueComparator.asc();

    private final boolean sparseIndex;
    private final List<String> fields;
    private final boolean[] descending;
    private final Comparator<Key> order;
    private final TreeMap<Key, Object> entries;
    private SnapshotCollection collection;
    private long count;
    private Document checked;
    private List<Key> checkedKeys;
    private boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.sparseIndex = sparse;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.descending = new boolean[keys.size()];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        this.order = (a, b) -> compare(a, b, descending);
        this.entries = new TreeMap<>(order);
    }

    void bind(SnapshotCollection owner) {
        this.collection = owner;
    }

    /** Whether some document had an array under an indexed key: the index then finds candidates but gives no sort order. */
    boolean isMultikey() {
        return multikey;
    }

    boolean sparse() {
        return sparseIndex;
    }

    int size() {
        return getKeys().size();
    }

    /**
     * Positions of the documents whose leading {@code prefix.length} key values equal {@code prefix} and whose next key
     * value lies within {@code bounds}, in index order (reversed when {@code reverse}), equal keys in ascending position
     * either way. An empty prefix without bounds walks the whole index.
     */
    Stream<Integer> walk(Object[] prefix, List<IndexPlan.Bound> bounds, boolean reverse) {
        NavigableMap<Key, Object> range = range(prefix, bounds);
        if (reverse) {
            range = range.descendingMap();
        }
        return range.values().stream().flatMap(OrderedIndex::positions);
    }

    /** Every position under {@code prefix} within {@code bounds}, in no particular order and possibly more than once (multikey). */
    void forEach(Object[] prefix, List<IndexPlan.Bound> bounds, IntConsumer action) {
        for (Object positions : range(prefix, bounds).values()) {
            if (positions instanceof Integer single) {
                action.accept(single);
            } else {
                for (Integer position : castSet(positions)) {
                    action.accept(position);
                }
            }
        }
    }

    /**
     * The entries under {@code prefix} whose next key value is within every bound. A bound is a key one value longer
     * than the prefix that sorts before ({@code -1}) or after ({@code +1}) all keys with that value; on a descending
     * key a lower bound of the values is an upper bound of the index order.
     */
    private NavigableMap<Key, Object> range(Object[] prefix, List<IndexPlan.Bound> bounds) {
        if (prefix.length == 0 && bounds.isEmpty()) {
            return entries;
        }
        Key low = new Key(prefix, -1);
        Key high = new Key(prefix, 1);
        for (IndexPlan.Bound bound : bounds) {
            Object[] values = Arrays.copyOf(prefix, prefix.length + 1);
            values[prefix.length] = bound.value();
            boolean startsWalk = bound.lower() != descending[prefix.length];
            Key key = new Key(values, startsWalk == bound.inclusive() ? -1 : 1);
            if (startsWalk && order.compare(key, low) > 0) {
                low = key;
            } else if (!startsWalk && order.compare(key, high) < 0) {
                high = key;
            }
        }
        return order.compare(low, high) > 0 ? Collections.emptyNavigableMap() : entries.subMap(low, true, high, true);
    }

    private static Stream<Integer> positions(Object positions) {
        return positions instanceof Integer single ? Stream.of(single) : castSet(positions).stream();
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<Integer> castSet(Object positions) {
        return (TreeSet<Integer>) positions;
    }

    @Override
    public Integer getPosition(Document document) {
        // like mongo-java-server's own secondary index: the _id index knows positions
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> owner) {
        checked = document;
        checkedKeys = keysOf(document);
    }

    @Override
    public void add(Document document, Integer position, MongoCollection<Integer> owner) {
        if (owner instanceof SnapshotCollection snapshots && collection == null) {
            collection = snapshots;
        }
        // the collection checks a document with every index, then adds it to every index
        List<Key> keys = document == checked ? checkedKeys : keysOf(document);
        checked = null;
        checkedKeys = null;
        for (Key key : keys) {
            insert(key, position);
        }
    }

    @Override
    public Integer remove(Document document) {
        List<Key> keys = keysOf(document);
        Integer position = null;
        for (Key key : keys) {
            Object positions = entries.get(key);
            if (positions != null) {
                position = find(positions, document);
                if (position != null) {
                    break;
                }
            }
        }
        if (position != null) {
            for (Key key : keys) {
                delete(key, position);
            }
        }
        return position;
    }

    private Integer find(Object positions, Document document) {
        if (positions instanceof Integer single) {
            return single;
        }
        Integer equal = null;
        for (Integer position : castSet(positions)) {
            Document stored = collection.storedAt(position);
            if (stored == document) {
                return position;
            }
            if (equal == null && document.equals(stored)) {
                equal = position;
            }
        }
        return equal;
    }

    @Override
    public boolean canHandle(Document query) {
        // queries reach this index through IndexPlan, which also keeps results in scan order
        return false;
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        throw new UnsupportedOperationException("queried through IndexPlan");
    }

    @Override
    public long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> owner) {
        if (!sameIndexedValues(oldDocument, newDocument)) {
            keysOf(newDocument);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position, MongoCollection<Integer> owner) {
        if (sameIndexedValues(oldDocument, newDocument)) {
            return;
        }
        List<Key> before = keysOf(oldDocument);
        List<Key> after = keysOf(newDocument);
        if (sameKeys(before, after)) {
            return;
        }
        for (Key key : before) {
            delete(key, position);
        }
        for (Key key : after) {
            insert(key, position);
        }
    }

    /** Most updates leave the indexed fields alone: then the entries stay as they are. */
    private boolean sameIndexedValues(Document oldDocument, Document newDocument) {
        for (String field : fields) {
            if (!Objects.equals(Utils.getSubdocumentValueCollectionAware(oldDocument, field),
                    Utils.getSubdocumentValueCollectionAware(newDocument, field))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameKeys(List<Key> before, List<Key> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (order.compare(before.get(i), after.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void drop() {
        entries.clear();
        count = 0;
        multikey = false;
    }

    private void insert(Key key, Integer position) {
        Object positions = entries.get(key);
        if (positions == null) {
            entries.put(key, position);
        } else if (positions instanceof Integer single) {
            if (single.equals(position)) {
                return;
            }
            TreeSet<Integer> set = new TreeSet<>();
            set.add(single);
            set.add(position);
            entries.put(key, set);
        } else if (!castSet(positions).add(position)) {
            return;
        }
        count++;
    }

    private void delete(Key key, Integer position) {
        Object positions = entries.get(key);
        if (positions instanceof Integer single) {
            if (single.equals(position)) {
                entries.remove(key);
                count--;
            }
        } else if (positions != null) {
            TreeSet<Integer> set = castSet(positions);
            if (set.remove(position)) {
                count--;
                if (set.size() == 1) {
                    entries.put(key, set.first());
                }
            }
        }
    }

    /** The document's entries: none when sparse and it has none of the keys, one per array element when multikey. */
    private List<Key> keysOf(Document document) {
        if (sparseIndex && fields.stream().noneMatch(field -> hasValue(document, field))) {
            return List.of();
        }
        boolean arrays = false;
        for (String field : fields) {
            if (Utils.getSubdocumentValueCollectionAware(document, field) instanceof Collection) {
                arrays = true;
                break;
            }
        }
        // also throws what MongoDB answers for parallel arrays in a compound index
        Set<KeyValue> values = getKeyValues(document);
        if (arrays) {
            multikey = true;
        }
        List<Key> keys = new ArrayList<>(Math.max(1, values.size()));
        for (KeyValue value : values) {
            keys.add(new Key(value.stream().toArray(), 0));
        }
        if (keys.isEmpty()) {
            // an empty array: MongoDB indexes it as undefined; one entry keeps the document findable by its other keys
            Object[] raw = new Object[fields.size()];
            for (int i = 0; i < raw.length; i++) {
                Object value = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
                raw[i] = value instanceof Collection<?> c && c.isEmpty() ? List.of() : value;
            }
            keys.add(new Key(raw, 0));
        }
        return keys;
    }

    private static boolean hasValue(Document document, String field) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Collection<?> values) {
            // a path through an array of documents: present when one of them has it ({a: []} has no "a.b")
            return field.indexOf('.') < 0 || values.stream().anyMatch(each -> !(each instanceof Missing));
        }
        // a sparse index leaves out missing fields only: {field: null} is in it, as {$exists: true} finds it
        return value != null ? !(value instanceof Missing) : field.indexOf('.') < 0 && document.containsKey(field);
    }

    private static int compare(Key a, Key b, boolean[] descending) {
        int common = Math.min(a.values.length, b.values.length);
        for (int i = 0; i < common; i++) {
            int cmp = VALUES.compare(a.values[i], b.values[i]);
            if (cmp != 0) {
                return descending[i] ? -cmp : cmp;
            }
        }
        if (a.values.length == b.values.length) {
            return Integer.compare(a.bound, b.bound);
        }
        // a prefix bound sorts before (-1) or after (+1) every key it is a prefix of
        return a.values.length < b.values.length ? (a.bound == 0 ? -1 : a.bound) : (b.bound == 0 ? 1 : -b.bound);
    }

    /** Index key values; {@code bound} -1 or +1 makes a shorter key the lower or upper end of its prefix's range. */
    private record Key(Object[] values, int bound) {
    }

    @Override
    public String toString() {
        return "OrderedIndex[name=" + getName() + ", keys=" + getKeys() + ", sparse=" + sparseIndex + "]";
    }
}
