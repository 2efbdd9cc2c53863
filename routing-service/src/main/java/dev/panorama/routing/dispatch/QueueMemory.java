package dev.panorama.routing.dispatch;

import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.queues.QueueSettings;
import dev.panorama.routing.queues.QueueStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The queues as a round needs them: settings and policies kept in memory by each queue's {@code settings_version}
 * (Flyway V6), the round-robin cursors read afresh. A round costs one short statement (ids, versions, cursors);
 * the settings are read and parsed again only when a version moved or a queue came or went.
 */
@ApplicationScoped
public class QueueMemory {

    /** The queues at the start of a round. */
    public record Current(Map<String, QueueSettings> settings, Map<String, QueuePolicy> policies, Map<String, String> cursors) {
    }

    private record Kept(long version, QueueSettings settings, QueuePolicy policy) {
    }

    private final QueueStore queues;
    private volatile Map<String, Kept> kept = Map.of();

    public QueueMemory(QueueStore queues) {
        this.queues = queues;
    }

    public Uni<Current> current(SqlConnection connection) {
        return queues.heads(connection).chain(heads -> {
            Map<String, Kept> known = kept;
            boolean fresh = heads.size() == known.size() && heads.entrySet().stream()
                    .allMatch(head -> known.containsKey(head.getKey()) && known.get(head.getKey()).version() == head.getValue().version());
            if (fresh) {
                return Uni.createFrom().item(current(known, heads));
            }
            return queues.allVersioned(connection).map(read -> {
                Map<String, Kept> now = new HashMap<>();
                read.forEach((id, versioned) -> now.put(id, new Kept(versioned.version(), versioned.settings(),
                        versioned.settings().policy())));
                kept = Map.copyOf(now);
                return current(now, heads);
            });
        });
    }

    /** The queues read; a queue created between the two statements is left to the next round. */
    private static Current current(Map<String, Kept> known, Map<String, QueueStore.Head> heads) {
        Map<String, QueueSettings> settings = new HashMap<>();
        Map<String, QueuePolicy> policies = new HashMap<>();
        Map<String, String> cursors = new HashMap<>();
        heads.forEach((id, head) -> {
            Kept queue = known.get(id);
            if (queue == null) {
                return;
            }
            settings.put(id, queue.settings());
            policies.put(id, queue.policy());
            if (head.roundRobinCursor() != null) {
                cursors.put(id, head.roundRobinCursor());
            }
        });
        return new Current(settings, policies, cursors);
    }
}
