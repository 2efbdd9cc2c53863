package dev.panorama.routing.dispatch;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Waiting tasks a transaction of this replica chose to offer, until that transaction ends. Many transactions plan at
 * once on heads of the queue read without locks (an agent's own pass inside its presence change or completion, the
 * lanes' rounds), and would all choose the same first tasks, one of them locking them and the others finding them
 * gone: a head read leaves out what is claimed, and a plan is stored only on tasks its transaction claimed. Only to
 * spare work: whether a task may be offered is still decided under its row lock (other replicas know nothing of
 * this).
 */
@ApplicationScoped
public class TaskClaims {

    private final Set<UUID> claimed = new HashSet<>();

    /** What is claimed now, to leave out of a head read. */
    public synchronized UUID[] now() {
        return claimed.toArray(UUID[]::new);
    }

    /**
     * Claims every one of the tasks for the connection's transaction, until it ends; claims none and answers those
     * claimed by others when any of them is.
     */
    Set<UUID> claim(SqlConnection connection, Collection<UUID> tasks) {
        synchronized (this) {
            Set<UUID> taken = new HashSet<>();
            for (UUID task : tasks) {
                if (claimed.contains(task)) {
                    taken.add(task);
                }
            }
            if (!taken.isEmpty()) {
                return taken;
            }
            claimed.addAll(tasks);
        }
        List<UUID> mine = List.copyOf(tasks);
        Transaction transaction = connection.transaction();
        if (transaction == null) {
            release(mine);
        } else {
            transaction.getDelegate().completion().onComplete(ended -> release(mine));
        }
        return Set.of();
    }

    private synchronized void release(Collection<UUID> tasks) {
        claimed.removeAll(tasks);
    }
}
