package dev.panorama.routing.agents;

import dev.panorama.events.channel.Channel;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.routing.dispatch.DispatchTrigger;
import dev.panorama.routing.skills.SkillCatalogue;
import dev.panorama.routing.store.Page;
import dev.panorama.routing.store.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Supervisors' side of agents: their skills, capacity and name. */
@ApplicationScoped
public class AgentAdministration {

    /** What an agent id (a Keycloak username) may look like. */
    public static final String ID = "^[A-Za-z0-9._@-]{1,100}$";

    private final Transactions transactions;
    private final AgentStore agents;
    private final SkillCatalogue skills;
    private final PresenceChanges presence;
    private final DispatchTrigger dispatch;
    private final Clock clock;

    public AgentAdministration(Transactions transactions, AgentStore agents, SkillCatalogue skills,
            PresenceChanges presence, DispatchTrigger dispatch, Clock clock) {
        this.transactions = transactions;
        this.agents = agents;
        this.skills = skills;
        this.presence = presence;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    public record Saved(AgentView agent, boolean created) {
    }

    public Uni<Page<AgentView>> page(String cursor, int limit) {
        return transactions.read(connection -> agents.page(connection, cursor, limit))
                .map(found -> new Page<>(found, found.size() == limit ? found.getLast().id() : null));
    }

    public Uni<AgentView> get(String agentId) {
        return transactions.read(connection -> agents.view(connection, agentId))
                .map(found -> found.orElseThrow(() -> new UnknownAgent(agentId)));
    }

    /** The agent's own view; an agent nobody set up yet is answered 404 until its first presence change. */
    public Uni<AgentView> own(Caller caller) {
        return get(caller.name());
    }

    /**
     * Saves the agent; an available agent's new skills or capacity may admit it to waiting tasks, so it gets a round.
     * A skill listed twice is refused before anything is stored.
     */
    public Uni<Saved> put(String agentId, AgentsResource.AgentRequest request) {
        List<AgentView.SkillLevel> levels = request.skills() == null ? List.of()
                : request.skills().stream().map(level -> new AgentView.SkillLevel(level.skill(), level.proficiency())).toList();
        requireEachSkillOnce(levels);
        Map<Channel, Integer> capacity = new EnumMap<>(presence.defaultCapacity());
        if (request.capacity() != null) {
            capacity.putAll(request.capacity());
        }
        return transactions.inTransaction(connection -> skills.requireKnown(connection, levels.stream().map(AgentView.SkillLevel::skill).toList())
                .chain(() -> agents.createIfAbsent(connection, agentId, null, request.displayName(), capacity, clock.instant()))
                .call(created -> agents.lock(connection, agentId))
                .call(created -> agents.update(connection, agentId, request.displayName(), clock.instant()))
                .call(created -> agents.replaceSkills(connection, agentId, levels))
                .call(created -> agents.replaceCapacity(connection, agentId, capacity))
                .chain(created -> agents.view(connection, agentId).map(view -> new Saved(view.orElseThrow(), created))))
                .invoke(saved -> dispatch.agentProfileChanged(agentId));
    }

    /** An agent holds a skill at one proficiency: the same skill twice would say two. */
    private static void requireEachSkillOnce(List<AgentView.SkillLevel> levels) {
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            Integer first = firstAt.putIfAbsent(levels.get(i).skill(), i);
            if (first != null) {
                throw InvalidInputException.field("skills[" + i + "].skill", "the same skill as skills[" + first + "]: list each skill once");
            }
        }
    }
}
