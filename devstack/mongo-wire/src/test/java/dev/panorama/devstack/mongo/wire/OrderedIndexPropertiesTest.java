package dev.panorama.devstack.mongo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;

/**
 * The same writes applied to a collection with non-unique indexes and to one without (which scans, as mongo-java-server
 * always did): every query answers the same documents in the same order, whatever the writes did to indexed fields
 * (arrays, nulls, missing fields, mixed types, ties in the sort included).
 */
class OrderedIndexPropertiesTest {

    private static final String MISSING = "<missing>";
    private static final String NULL = "<null>";
    private static WireServer server;
    private static int run;

    @BeforeContainer
    static void start() {
        server = new WireServer();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 300)
    void queriesThroughIndexesAnswerWhatAScanAnswers(@ForAll("operations") List<Op> operations,
            @ForAll("indexAfter") int indexAfter) {
        MongoDatabase database = server.database("properties" + run++);
        MongoCollection<Document> indexed = database.getCollection("indexed");
        MongoCollection<Document> scanned = database.getCollection("scanned");
        indexed.insertOne(new Document("_id", -1));
        scanned.insertOne(new Document("_id", -1));
        int[] nextId = {0};
        for (int i = 0; i < operations.size(); i++) {
            if (i == indexAfter) {
                createIndexes(indexed);
            }
            Op op = operations.get(i);
            switch (op) {
                case Insert insert -> {
                    List<Document> documents = new ArrayList<>();
                    for (Document shape : insert.shapes()) {
                        documents.add(new Document("_id", nextId[0]++).append("c", shape.get("c")).append("t", shape.get("t"))
                                .append("g", shape.get("g")).append("s", shape.get("s")).append("p", shape.get("p")));
                    }
                    indexed.insertMany(documents.stream().map(OrderedIndexPropertiesTest::withoutMissing).toList());
                    scanned.insertMany(documents.stream().map(OrderedIndexPropertiesTest::withoutMissing).toList());
                }
                case SetCustomer set -> {
                    Document filter = new Document("c", value(set.from()));
                    Document update = MISSING.equals(set.to()) ? new Document("$unset", new Document("c", ""))
                            : new Document("$set", new Document("c", value(set.to())));
                    assertThat(indexed.updateMany(filter, update).getModifiedCount())
                            .isEqualTo(scanned.updateMany(filter, update).getModifiedCount());
                }
                case SetTime set -> {
                    Document filter = new Document("_id", set.pick() % Math.max(1, nextId[0]));
                    Document update = new Document("$set", new Document("t", value(set.time())));
                    assertThat(indexed.updateOne(filter, update).getModifiedCount())
                            .isEqualTo(scanned.updateOne(filter, update).getModifiedCount());
                }
                case SetSparse set -> {
                    Document filter = new Document("g", value(set.group()));
                    Document update = MISSING.equals(set.value()) ? new Document("$unset", new Document("s", ""))
                            : new Document("$set", new Document("s", value(set.value())));
                    assertThat(indexed.updateMany(filter, update).getModifiedCount())
                            .isEqualTo(scanned.updateMany(filter, update).getModifiedCount());
                }
                case PullPending pull -> {
                    Document filter = new Document("g", value(pull.group())).append("p", new Document("$type", "array"));
                    Document update = new Document("$pull", new Document("p", new Document("id", new Document("$in", List.of(pull.id())))));
                    assertThat(indexed.updateMany(filter, update).getModifiedCount())
                            .isEqualTo(scanned.updateMany(filter, update).getModifiedCount());
                }
                case DeleteGroup delete -> {
                    Document filter = new Document("g", value(delete.group()));
                    assertThat(indexed.deleteMany(filter).getDeletedCount()).isEqualTo(scanned.deleteMany(filter).getDeletedCount());
                }
                case DeleteOne delete -> {
                    Document filter = new Document("_id", delete.pick() % Math.max(1, nextId[0]));
                    assertThat(indexed.deleteOne(filter).getDeletedCount()).isEqualTo(scanned.deleteOne(filter).getDeletedCount());
                }
                case Query query -> {
                    assertThat(indexed.find(query.filter()).sort(query.sort()).skip(query.skip()).limit(query.limit()).into(new ArrayList<>()))
                            .as("%s sorted by %s, skip %d limit %d", query.filter(), query.sort(), query.skip(), query.limit())
                            .isEqualTo(scanned.find(query.filter()).sort(query.sort()).skip(query.skip()).limit(query.limit())
                                    .into(new ArrayList<>()));
                    assertThat(indexed.countDocuments(query.filter())).isEqualTo(scanned.countDocuments(query.filter()));
                }
            }
        }
        if (indexAfter >= operations.size()) {
            createIndexes(indexed);
        }
        Document everything = new Document();
        assertThat(indexed.find(everything).into(new ArrayList<>())).isEqualTo(scanned.find(everything).into(new ArrayList<>()));
        database.drop();
    }

    private static void createIndexes(MongoCollection<Document> collection) {
        // first, so that it wins ties; g never holds an array, so this index never turns multikey and keeps its range bounds
        collection.createIndex(new Document("g", 1).append("t", -1), new IndexOptions().name("group-time"));
        collection.createIndex(new Document("c", 1).append("t", -1).append("_id", -1), new IndexOptions().name("timeline"));
        collection.createIndex(new Document("c", 1).append("t", 1), new IndexOptions().name("customer-time"));
        collection.createIndex(new Document("g", 1), new IndexOptions().name("group"));
        collection.createIndex(new Document("g", -1).append("c", 1), new IndexOptions().name("group-customer"));
        collection.createIndex(new Document("s", 1), new IndexOptions().sparse(true).name("sparse"));
        collection.createIndex(new Document("p.id", 1), new IndexOptions().sparse(true).name("pending"));
    }

    private static Document withoutMissing(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> {
            if (!MISSING.equals(value)) {
                copy.put(key, value(value));
            }
        });
        return copy;
    }

    private static Object value(Object generated) {
        return NULL.equals(generated) ? null : generated;
    }

    sealed interface Op {
    }

    record Insert(List<Document> shapes) implements Op {
    }

    record SetCustomer(Object from, Object to) implements Op {
    }

    record SetTime(int pick, Object time) implements Op {
    }

    record SetSparse(Object group, Object value) implements Op {
    }

    record PullPending(Object group, String id) implements Op {
    }

    record DeleteGroup(Object group) implements Op {
    }

    record DeleteOne(int pick) implements Op {
    }

    record Query(Document filter, Document sort, int skip, int limit) implements Op {
    }

    @Provide
    Arbitrary<Integer> indexAfter() {
        return Arbitraries.integers().between(0, 4);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, inserts()),
                Tuple.of(1, Combinators.combine(customers(), customers()).as(SetCustomer::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 200), times()).as(SetTime::new)),
                Tuple.of(1, Combinators.combine(groups(), sparse()).as(SetSparse::new)),
                Tuple.of(1, groups().map(DeleteGroup::new)),
                Tuple.of(1, Combinators.combine(groups(), Arbitraries.of("x", "y")).as(PullPending::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 200).map(DeleteOne::new)),
                Tuple.of(6, queries()));
        return op.list().ofMinSize(1).ofMaxSize(25);
    }

    private Arbitrary<Op> inserts() {
        Arbitrary<Document> shape = Combinators.combine(customers(), times(), groups(), sparse(), pending())
                .as((c, t, g, s, p) -> new Document("c", c).append("t", t).append("g", g).append("s", s).append("p", p));
        return shape.list().ofMinSize(1).ofMaxSize(12).map(Insert::new);
    }

    private Arbitrary<Op> queries() {
        Arbitrary<Document> condition = Arbitraries.oneOf(
                customers().filter(c -> !MISSING.equals(c)).map(c -> new Document("c", value(c))),
                Combinators.combine(customers(), customers()).as((a, b) -> new Document("c", new Document("$in", List.of(a, b))))
                        .filter(d -> !d.toString().contains("<")),
                customers().filter(c -> c instanceof String s && !s.startsWith("<")).map(c -> new Document("c", new Document("$eq", c))),
                groups().filter(g -> !MISSING.equals(g)).map(g -> new Document("g", value(g))),
                Combinators.combine(groups(), customers()).as((g, c) -> new Document("g", g).append("c", c))
                        .filter(d -> !d.toString().contains("<")),
                times().filter(t -> t instanceof Date).map(t -> new Document("t", new Document("$lt", t))),
                // ranges on the key after the fixed ones bound the index walk; other kinds of values must not hide matches
                Combinators.combine(times().filter(t -> !MISSING.equals(t) && !NULL.equals(t)), Arbitraries.of("$gt", "$gte", "$lt", "$lte"))
                        .as((t, operator) -> new Document("t", new Document(operator, t))),
                times().filter(t -> t instanceof Date).map(t -> new Document("$or", List.of(new Document("g", 1),
                        new Document("t", new Document("$gte", t))))),
                Arbitraries.just(new Document("s", new Document("$exists", true))),
                Arbitraries.just(new Document("s", new Document("$exists", false))),
                sparse().filter(s -> !MISSING.equals(s)).map(s -> new Document("s", value(s))),
                Arbitraries.of(true, false).map(exists -> new Document("p.id", new Document("$exists", exists))),
                Arbitraries.of("x", "y").map(id -> new Document("p.id", id)));
        Arbitrary<Document> filter = Combinators.combine(condition.list().ofMinSize(0).ofMaxSize(3), Arbitraries.of(true, false))
                .as((conditions, and) -> {
                    if (and && !conditions.isEmpty()) {
                        return new Document("$and", conditions);
                    }
                    Document merged = new Document();
                    conditions.forEach(merged::putAll);
                    return merged;
                });
        Arbitrary<Document> sort = Arbitraries.of(
                new Document(),
                new Document("t", -1).append("_id", -1),
                new Document("t", 1).append("_id", 1),
                new Document("t", 1),
                new Document("t", -1),
                new Document("c", 1).append("t", -1).append("_id", -1),
                new Document("c", -1).append("t", 1).append("_id", 1),
                new Document("c", 1).append("t", 1),
                new Document("_id", -1),
                new Document("g", 1),
                new Document("g", -1).append("c", 1),
                new Document("c", 1),
                new Document("s", -1));
        return Combinators.combine(filter, sort, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 6))
                .as(Query::new);
    }

    private static Arbitrary<Object> customers() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("a", "b", "c")),
                Tuple.of(1, Arbitraries.of(1, 1.0, 2L)),
                Tuple.of(1, Arbitraries.of(NULL, MISSING)),
                Tuple.of(1, Arbitraries.of(List.of("a", "b"), List.of("c"), List.of())));
    }

    private static Arbitrary<Object> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 5).map(k -> new Date(1_700_000_000_000L + k * 1000L))),
                Tuple.of(1, Arbitraries.of("later", 3, NULL, MISSING)));
    }

    private static Arbitrary<Object> groups() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(0, 1, 2, 3)), Tuple.of(1, Arbitraries.of(MISSING, NULL)));
    }

    private static Arbitrary<Object> pending() {
        return Arbitraries.of(MISSING, List.of(), List.of(new Document("id", "x")), List.of(new Document("id", "x"), new Document("id", "y")),
                List.of(new Document("other", 1)), List.of(new Document("id", null)), new Document("id", "y"));
    }

    private static Arbitrary<Object> sparse() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(MISSING)), Tuple.of(2, Arbitraries.of("x", "y")),
                Tuple.of(1, Arbitraries.just(NULL)));
    }
}
