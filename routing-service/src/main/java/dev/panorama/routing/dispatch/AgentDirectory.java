package dev.panorama.routing.dispatch;

import dev.panorama.routing.live.AgentNotice;
import dev.panorama.routing.live.AgentNotices;
import dev.panorama.routing.matching.Agent;
import dev.panorama.routing.matching.AgentRoster;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.matching.Task;
import dev.panorama.routing.store.Rows;
import dev.panorama.routing.store.Transactions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Which agents may be available, kept in memory so that a round for new tasks does not read every available agent
 * from the database (2,000 rows of a much-updated table per round, most of PostgreSQL's time per task arriving one by
 * one). It is a superset, never the truth: the round reads the agents its tasks admit again, with their presence and
 * load, before planning, and locks those it chose.
 *
 * <p>It holds every agent that was available at its last read of the database (every dispatch interval) and every
 * agent heard of since: one this replica was asked to give a round (it became available or freed a slot), and one
 * whose presence another replica changed (the {@code routing_agent} notices). An agent heard of is kept until a read
 * that started after it was heard has completed, so a read in flight never drops an agent that became available
 * meanwhile. A round for a task therefore knows of every agent that became available in this replica before the task's
 * round began, as a read of the database would; one made available by another replica at the same moment is known
 * once its notice arrives, and a task that missed it meanwhile is the safety net's (see {@link Sweeper}).
 */
@ApplicationScoped
public class AgentDirectory {

    private static final Logger LOG = Logger.getLogger(AgentDirectory.class);
    private static final String AVAILABLE = "select id, routing_version from agent where presence = 'AVAILABLE'";

    private final Transactions transactions;
    private final AgentProfiles profiles;
    private final AgentNotices notices;
    /** Agents available at the last completed read, with the skills and capacity they had then. */
    private volatile AgentRoster roster = AgentRoster.of(List.of());
    private volatile boolean read;
    private long lastReadStarted;
    /** Agents heard of, with the generation of reads current when they were: dropped by a read of a later one. */
    private final Map<String, Long> heard = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /**
     * The reads of the interval run while the service runs, as the sweeper's ticks (a read while stopping failed on the
     * closed database pool); before the first, a round reads on its own connection.
     */
    private final WhileRunning running = new WhileRunning();

    public AgentDirectory(Transactions transactions, AgentProfiles profiles, AgentNotices notices) {
        this.transactions = transactions;
        this.profiles = profiles;
        this.notices = notices;
    }

    void listen(@Observes StartupEvent started) {
        notices.all().filter(notice -> AgentNotice.PRESENCE.equals(notice.kind()))
                .subscribe().with(notice -> heardOf(notice.agent()));
        running.started();
    }

    /** Observed before the database pool closes: no read starts from now on, and the one in flight may end. */
    void stopping(@Observes ShutdownEvent event) {
        running.stopQuietly(Duration.ofSeconds(10));
    }

    /** The agent may have become available (or may take more) now. */
    public void heardOf(String agentId) {
        heard.put(agentId, generation.get());
    }

    /**
     * The agent's skills or capacity changed here: until its profile is read again it is admitted to every round for
     * tasks, rather than judged by what it held before (another replica's change is seen at the next read).
     */
    public void profileChanged(String agentId) {
        profiles.forget(agentId);
        heardOf(agentId);
    }

    /**
     * The ids, in order, of the agents that may be available and whom the queues of these tasks admit at their current
     * step (by the skills and capacity known here: the newest this replica read, older than another replica's change
     * until the next read), and of every agent heard of whose skills are not known here. Before the first read of the
     * database completes, reads it on the connection given. A task escalated from a lower step (mapped to its level)
     * admits only the agents its step admits and that one did not ({@link AgentRoster#admittedForAny(Collection, Map, Map)}).
     */
    public Uni<List<String>> admittedForAny(SqlConnection connection, Collection<Task> tasks, Map<String, QueuePolicy> queues,
            Map<UUID, Integer> escalatedFrom) {
        return (read ? Uni.createFrom().voidItem() : readOn(connection)).map(ignored -> {
            AgentRoster available = roster;
            List<Agent> heardProfiled = new ArrayList<>();
            SortedSet<String> heardAdmitted = new TreeSet<>();
            for (String id : heard.keySet()) {
                AgentProfiles.Profile profile = profiles.kept(id);
                if (profile == null) {
                    heardAdmitted.add(id);
                } else if (!available.holds(profile.unloaded())) {
                    heardProfiled.add(profile.unloaded());
                }
            }
            if (!heardProfiled.isEmpty()) {
                heardAdmitted.addAll(AgentRoster.of(heardProfiled).admittedForAny(tasks, queues, escalatedFrom));
            }
            List<String> admitted = available.admittedForAny(tasks, queues, escalatedFrom);
            if (heardAdmitted.isEmpty()) {
                return admitted;
            }
            heardAdmitted.addAll(admitted);
            return List.copyOf(heardAdmitted);
        });
    }

    /** Whether the agent is among those that may be available. */
    public boolean mayBeAvailable(String agentId) {
        return roster.contains(agentId) || heard.containsKey(agentId);
    }

    /** Every dispatch interval: who is available now, and the current profile of each (read only where it moved). */
    @Scheduled(every = "${panorama.routing.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!running.enter()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> transactions.read(this::readOn))
                .onFailure().invoke(failure -> running.failed(LOG, "Reading the available agents", failure))
                .onFailure().recoverWithNull()
                .eventually(running::left);
    }

    private Uni<Void> readOn(SqlConnection connection) {
        long started = generation.incrementAndGet();
        return connection.preparedQuery(AVAILABLE).execute()
                .chain(rows -> profiles.of(connection, AgentProfiles.versions(Rows.list(rows))))
                .invoke(known -> readAt(started,
                        AgentRoster.of(known.values().stream().map(AgentProfiles.Profile::unloaded).toList())))
                .replaceWithVoid();
    }

    /** Takes a completed read unless a later one was taken already (two reads overlap when the first rounds start). */
    private synchronized void readAt(long started, AgentRoster available) {
        if (started > lastReadStarted) {
            lastReadStarted = started;
            roster = available;
            read = true;
            heard.values().removeIf(heardIn -> heardIn < started);
        }
    }
}
