package dev.panorama.routing.dispatch;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.routing.matching.Agent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' skills and capacity as dispatch needs them, kept in memory by the agent's {@code routing_version} (Flyway
 * V6: triggers bump it in the transaction that changes a skill or capacity row). A round reads the version with the
 * agent's lock, so the copy it plans on is exactly the committed rows; only agents whose version moved are read
 * again, in one statement that reads their version with their rows.
 */
@ApplicationScoped
public class AgentProfiles {

    /** Beyond this many agents the memory starts afresh (agents are far fewer; this only bounds a leak). */
    private static final int MAX_KEPT = 100_000;
    private static final String READ = "select a.id, a.routing_version,"
            + " (select string_agg(s.skill || '=' || s.proficiency, ',') from agent_skill s where s.agent_id = a.id) as skills,"
            + " (select string_agg(c.channel || '=' || c.capacity, ',') from agent_capacity c where c.agent_id = a.id) as capacity"
            + " from agent a where a.id = any($1)";

    /**
     * What rarely changes about an agent (skills, capacity), as of one version.
     *
     * @param unloaded the agent as available with nothing in hand: to see which tasks admit it, built once per version
     */
    public record Profile(long version, Agent unloaded) {

        static Profile of(String id, long version, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
            return new Profile(version, new Agent(id, AgentPresence.AVAILABLE, skills, capacity, Map.of(), Instant.EPOCH));
        }

        public Map<String, Integer> skills() {
            return unloaded.skills();
        }

        public Map<Channel, Integer> capacity() {
            return unloaded.capacity();
        }
    }

    private final Map<String, Profile> kept = new ConcurrentHashMap<>();

    /**
     * The profiles of the given agents at (at least) the given versions: from memory where the version matches,
     * else read (and kept). An agent that no longer exists has no profile in the answer.
     */
    public Uni<Map<String, Profile>> of(SqlConnection connection, Map<String, Long> versions) {
        Map<String, Profile> found = new HashMap<>();
        List<String> stale = versions.entrySet().stream().filter(entry -> {
            Profile profile = kept.get(entry.getKey());
            if (profile != null && profile.version() == entry.getValue()) {
                found.put(entry.getKey(), profile);
                return false;
            }
            return true;
        }).map(Map.Entry::getKey).toList();
        if (stale.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return connection.preparedQuery(READ).execute(Tuple.of(stale.toArray(String[]::new))).map(rows -> {
            if (kept.size() > MAX_KEPT) {
                kept.clear();
            }
            rows.forEach(row -> {
                Profile profile = Profile.of(row.getString("id"), row.getLong("routing_version"), skills(row.getString("skills")),
                        perChannel(row.getString("capacity")));
                kept.put(row.getString("id"), profile);
                found.put(row.getString("id"), profile);
            });
            return found;
        });
    }

    /** Each agent's {@code routing_version}, from rows with the agent's {@code id} and it: what {@link #of} is asked for. */
    static Map<String, Long> versions(List<Row> agents) {
        Map<String, Long> versions = new HashMap<>();
        agents.forEach(row -> versions.put(row.getString("id"), row.getLong("routing_version")));
        return versions;
    }

    /** The profile kept of the agent, of whichever version was read last; null if none is. */
    public Profile kept(String agentId) {
        return kept.get(agentId);
    }

    /** Drops what is kept of the agent: its profile is read again the next time a round needs it. */
    public void forget(String agentId) {
        kept.remove(agentId);
    }

    /** {@code billing=3,lang:de=5} as skill to proficiency; null or empty: none. */
    static Map<String, Integer> skills(String pairs) {
        Map<String, Integer> skills = new HashMap<>();
        each(pairs, (name, value) -> skills.put(name, value));
        return skills;
    }

    /** {@code CHAT=3,EMAIL=5} (capacity or load) as channel to count; null or empty: none. */
    static Map<Channel, Integer> perChannel(String pairs) {
        Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        each(pairs, (name, value) -> perChannel.put(Channel.valueOf(name), value));
        return perChannel;
    }

    private static void each(String pairs, java.util.function.ObjIntConsumer<String> pair) {
        if (pairs == null || pairs.isEmpty()) {
            return;
        }
        for (String one : pairs.split(",")) {
            int at = one.lastIndexOf('=');
            pair.accept(one.substring(0, at), Integer.parseInt(one.substring(at + 1)));
        }
    }
}
