package dev.panorama.routing.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What dispatch was asked to serve, in the order it was asked, and what rounds in flight hold: a lane takes only
 * items no round in flight holds, so rounds running at once never plan on the same agent or task; an item asked for
 * again while a round holds it waits until that round releases it. Several of these may share one in-flight set
 * (agents asked for and agents a full pass found), which also guards them.
 */
final class PendingWork<T> {

    private final Set<T> asked = new LinkedHashSet<>();
    private final Set<T> inFlight;

    PendingWork(Set<T> inFlight) {
        this.inFlight = inFlight;
    }

    void add(Collection<T> items) {
        synchronized (inFlight) {
            asked.addAll(items);
        }
    }

    /** The oldest items no round holds, at most {@code most}, now held by the caller's round. */
    List<T> take(int most) {
        List<T> taken = new ArrayList<>();
        synchronized (inFlight) {
            Iterator<T> it = asked.iterator();
            while (it.hasNext() && taken.size() < most) {
                T item = it.next();
                if (inFlight.add(item)) {
                    taken.add(item);
                    it.remove();
                }
            }
        }
        return taken;
    }

    /** The round that took these ended: they may be taken again. */
    void release(Collection<T> items) {
        synchronized (inFlight) {
            inFlight.removeAll(items);
        }
    }

    /** Whether a lane would find something to take now. */
    boolean takeable() {
        synchronized (inFlight) {
            return asked.stream().anyMatch(item -> !inFlight.contains(item));
        }
    }
}
