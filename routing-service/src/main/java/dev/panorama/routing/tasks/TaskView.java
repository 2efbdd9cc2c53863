package dev.panorama.routing.tasks;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.events.routing.TaskOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A routing task as stored and as the API shows it.
 *
 * @param agentId         the agent it is offered to or held by; after the end, the one who handled it
 * @param escalationLevel how many of its queue's escalation steps have applied
 * @param source          INTERACTION (from panorama.interactions) or API
 */
public record TaskView(UUID id, TaskState state, Channel channel, String queueId, int priority,
        List<SkillRequirement> requiredSkills, List<SkillRequirement> anyOfSkills, List<String> preferredAgents,
        UUID customerId, UUID interactionId, String subject, String source, String agentId, int escalationLevel,
        Instant createdAt, Instant queuedAt, Instant offeredAt, Instant assignedAt, Instant wrapUpAt,
        Instant wrapUpUntil, Instant endedAt, TaskOutcome outcome, String disposition) {

    /** This waiting task as it is once offered to the agent. */
    public TaskView offeredTo(String agent, Instant at) {
        return new TaskView(id, TaskState.OFFERED, channel, queueId, priority, requiredSkills, anyOfSkills, preferredAgents,
                customerId, interactionId, subject, source, agent, escalationLevel, createdAt, queuedAt, at, assignedAt,
                wrapUpAt, wrapUpUntil, endedAt, outcome, disposition);
    }
}
