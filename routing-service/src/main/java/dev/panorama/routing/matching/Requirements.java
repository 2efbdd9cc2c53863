package dev.panorama.routing.matching;

import dev.panorama.events.routing.SkillRequirement;
import java.util.List;

/**
 * What an agent must meet to be offered a task at its current escalation step: the task's own requirements,
 * loosened by every step applied so far. Only an opening step ends a hold for the preferred agents: relaxing or
 * widening the skills loosens what the preferred agents must meet, not who they are.
 *
 * @param allOf           each required at its minimum proficiency
 * @param anyOf           at least one of these at its minimum (empty: none needed)
 * @param preferredOnly   when not empty, only these agents may take the task
 */
public record Requirements(List<SkillRequirement> allOf, List<SkillRequirement> anyOf, List<String> preferredOnly) {

    public Requirements {
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
        preferredOnly = List.copyOf(preferredOnly);
    }

    /** The requirements of a task after the first {@code task.escalationLevel()} steps of its queue. */
    public static Requirements of(Task task, QueuePolicy queue) {
        Requirements current = new Requirements(task.allOf(), task.anyOf(),
                queue.holdsForPreferredAgents() ? task.preferredAgents() : List.of());
        int applied = Math.min(task.escalationLevel(), queue.steps().size());
        for (EscalationStep step : queue.steps().subList(0, applied)) {
            current = current.after(step);
        }
        return current;
    }

    public boolean metBy(Agent agent) {
        if (!preferredOnly.isEmpty() && !preferredOnly.contains(agent.id())) {
            return false;
        }
        boolean all = allOf.stream().allMatch(need -> holds(agent, need));
        boolean any = anyOf.isEmpty() || anyOf.stream().anyMatch(need -> holds(agent, need));
        return all && any;
    }

    private static boolean holds(Agent agent, SkillRequirement need) {
        return agent.proficiency(need.skill()) >= Math.max(1, need.minProficiency());
    }

    private Requirements after(EscalationStep step) {
        return switch (step.action()) {
            case OPEN_TO_ALL_QUALIFIED -> new Requirements(allOf, anyOf, List.of());
            case RELAX_PROFICIENCY -> new Requirements(relaxed(allOf, step.amount()), relaxed(anyOf, step.amount()), preferredOnly);
            case WIDEN_SKILLS -> new Requirements(List.of(), allOf.isEmpty() ? anyOf : allOf, preferredOnly);
            case OVERFLOW -> this;
        };
    }

    private static List<SkillRequirement> relaxed(List<SkillRequirement> needs, int levels) {
        return needs.stream()
                .map(need -> new SkillRequirement(need.skill(), Math.max(1, need.minProficiency() - levels)))
                .toList();
    }
}
