package dev.panorama.profile.folding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Keyed lists of entries: joined key by key, always in key order so equal content is an equal list. */
final class Entries {

    private Entries() {
    }

    static <E extends Entry<E>> List<E> join(Collection<E> a, Collection<E> b) {
        if (b.isEmpty() && a instanceof List<E> list) {
            return list;
        }
        TreeMap<String, E> byKey = new TreeMap<>();
        a.forEach(entry -> byKey.merge(entry.key(), entry, Entry::join));
        b.forEach(entry -> byKey.merge(entry.key(), entry, Entry::join));
        return List.copyOf(byKey.values());
    }

    static <E extends Entry<E>> List<E> sorted(Collection<E> entries) {
        return join(List.of(), new ArrayList<>(entries));
    }

    static <E> List<E> where(List<E> entries, Predicate<E> wanted) {
        return entries.stream().filter(wanted).toList();
    }

    static String key(String... parts) {
        return String.join("\u001f", parts);
    }

    static boolean movedWith(Origin origin, Set<Origin> moved) {
        return origin != null && moved.contains(origin);
    }
}
