package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which {@link OrderedIndex} answers a query, as MongoDB's planner would pick one: the index with the longest run of
 * leading keys the query fixes by equality ({@code field: value}, {@code $eq}, or {@code $in}, at the top or inside
 * {@code $and}), preferring, among equals, one whose order past those keys is the requested sort (then the query
 * walks the index and stops at skip + limit). A sparse index also answers {@code {$exists: true}} on its first key.
 *
 * <p>The plan only narrows the candidates: the collection still applies the whole query to each, and sorts them
 * unless it walks the index, so a query answers exactly what a collection scan would, in the same order.
 *
 * @param prefixes values of the index's leading keys, one array per combination of {@code $in} values; a single
 *                 empty array walks the whole (sparse) index
 * @param ordered  whether walking the index gives the requested sort
 * @param reverse  whether the walk goes backwards (the sort is the index order reversed)
 */
record IndexPlan(OrderedIndex index, List<Object[]> prefixes, List<Bound> bounds, boolean ordered, boolean reverse) {

    /**
     * A condition ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the index's key right after the fixed ones:
     * the walk starts and stops at it instead of at the ends of the prefix (a relay's position past its checkpoint, a
     * timeline's time range).
     */
    record Bound(String operator, Object value) {

        boolean lower() {
            return operator.startsWith("$gt");
        }

        boolean inclusive() {
            return operator.endsWith("e");
        }
    }

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    /** Beyond this many combinations of {@code $in} values, an index lookup is not worth it. */
    private static final int MAX_PREFIXES = 1_000;

    static Optional<IndexPlan> choose(Document query, Document orderBy, List<OrderedIndex> indexes) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return Optional.empty();
        }
        Map<String, List<Object>> equalities = new LinkedHashMap<>();
        Set<String> exists = new HashSet<>();
        Map<String, List<Bound>> ranges = new LinkedHashMap<>();
        collect(query, equalities, exists, ranges);
        IndexPlan best = null;
        int bestFixed = -1;
        for (OrderedIndex index : indexes) {
            List<IndexKey> keys = index.getKeys();
            int fixed = 0;
            long combinations = 1;
            while (fixed < keys.size() && equalities.containsKey(keys.get(fixed).getKey())
                    && combinations * equalities.get(keys.get(fixed).getKey()).size() <= MAX_PREFIXES) {
                combinations *= equalities.get(keys.get(fixed).getKey()).size();
                fixed++;
            }
            if (fixed == 0 && !(index.sparse() && exists.contains(keys.get(0).getKey()))) {
                continue;
            }
            int direction = combinations == 1 && !index.isMultikey() ? sortDirection(orderBy, keys, fixed) : 0;
            boolean better = fixed > bestFixed || fixed == bestFixed && direction != 0 && !best.ordered;
            if (better) {
                // an array under the key spreads a document over several entries: bounds would miss some of them
                List<Bound> bounds = fixed < keys.size() && !index.isMultikey()
                        ? ranges.getOrDefault(keys.get(fixed).getKey(), List.of()) : List.of();
                best = new IndexPlan(index, prefixes(keys.subList(0, fixed), equalities), bounds, direction != 0, direction < 0);
                bestFixed = fixed;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * 1 when the sort is the index's order past its {@code fixed} leading keys, -1 when it is that order reversed,
     * 0 otherwise (or when there is no sort). Sort keys the query fixes are constant and ignored.
     */
    private static int sortDirection(Document orderBy, List<IndexKey> keys, int fixed) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 0;
        }
        Set<String> constant = new HashSet<>();
        keys.subList(0, fixed).forEach(key -> constant.add(key.getKey()));
        List<Map.Entry<String, Object>> sort = new ArrayList<>();
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            if (!constant.contains(entry.getKey())) {
                sort.add(entry);
            }
        }
        List<IndexKey> rest = keys.subList(fixed, keys.size());
        if (sort.isEmpty() || sort.size() != rest.size()) {
            return 0;
        }
        int direction = 0;
        for (int i = 0; i < sort.size(); i++) {
            if (!sort.get(i).getKey().equals(rest.get(i).getKey()) || !(sort.get(i).getValue() instanceof Number number)) {
                return 0;
            }
            boolean ascending = number.doubleValue() > 0;
            int same = ascending == rest.get(i).isAscending() ? 1 : -1;
            if (direction != 0 && same != direction) {
                return 0;
            }
            direction = same;
        }
        return direction;
    }

    private static List<Object[]> prefixes(List<IndexKey> fixedKeys, Map<String, List<Object>> equalities) {
        List<Object[]> prefixes = new ArrayList<>();
        prefixes.add(new Object[0]);
        for (IndexKey key : fixedKeys) {
            List<Object[]> longer = new ArrayList<>();
            for (Object[] prefix : prefixes) {
                for (Object value : equalities.get(key.getKey())) {
                    Object[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    next[prefix.length] = value;
                    longer.add(next);
                }
            }
            prefixes = longer;
        }
        return prefixes;
    }

    /** Fields the query fixes to one value or a few (any one such condition narrows enough: the matcher does the rest). */
    private static void collect(Document query, Map<String, List<Object>> equalities, Set<String> exists,
            Map<String, List<Bound>> ranges) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.startsWith("$")) {
                if (field.equals("$and") && value instanceof List<?> all) {
                    for (Object each : all) {
                        if (each instanceof Document part) {
                            collect(part, equalities, exists, ranges);
                        }
                    }
                }
            } else if (value instanceof Document condition) {
                if (condition.keySet().stream().allMatch(operator -> operator.startsWith("$"))) {
                    if (condition.containsKey("$eq") && isScalar(condition.get("$eq"))) {
                        fix(equalities, field, List.of(condition.get("$eq")));
                    } else if (condition.get("$in") instanceof List<?> values && !values.isEmpty()
                            && values.stream().allMatch(IndexPlan::isScalar)) {
                        fix(equalities, field, List.copyOf(values));
                    }
                    if (isTrue(condition.get("$exists"))) {
                        exists.add(field);
                    }
                    condition.forEach((operator, bound) -> {
                        if (RANGE_OPERATORS.contains(operator) && isOrdered(bound)) {
                            ranges.computeIfAbsent(field, any -> new ArrayList<>()).add(new Bound(operator, bound));
                        }
                    });
                }
            } else if (isScalar(value)) {
                fix(equalities, field, List.of(value));
            }
        }
    }

    private static void fix(Map<String, List<Object>> equalities, String field, List<Object> values) {
        List<Object> known = equalities.get(field);
        if (known == null || values.size() < known.size()) {
            equalities.put(field, values);
        }
    }

    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
    }

    /**
     * Values a range condition compares only to values of their own kind, in the order the index keeps them: the
     * entries it can match lie between its bounds (others there are the matcher's to refuse).
     */
    private static boolean isOrdered(Object value) {
        return value instanceof String || value instanceof Instant || value instanceof ObjectId || value instanceof Integer
                || value instanceof Long || value instanceof Double d && !d.isNaN();
    }

    /** Values equality matches only to equal values (no null, array, document, regular expression, ...). */
    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID || value instanceof Integer || value instanceof Long
                || value instanceof Double d && !d.isNaN();
    }
}
