package dev.panorama.journeys.demo;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.BackOfficeFeed;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.demo.DemoData.Agent;
import dev.panorama.journeys.demo.DemoData.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends a demo world in through the real ways in: master records and business facts as back-office systems publish
 * them (Kafka), contacts as channel adapters post them through the gateway, and the contact centre's agents with
 * their skills as a supervisor sets them up in routing (first, so the contacts' tasks already ask for those skills).
 * Agents are left with the presence they have: they become available when they log in (e.g. alice).
 */
public final class DemoLoader {

    private static final int MAX_ATTEMPTS = 6;
    private static final Set<Integer> BUSY = Set.of(429, 502, 503, 504);

    private final BackOfficeFeed backOffice;
    private final Caller channelAdapter;
    private final Caller supervisor;

    /**
     * @param supervisor a supervisor or admin of routing, who sets up the skills catalogue and the agents
     */
    public DemoLoader(BackOfficeFeed backOffice, Caller channelAdapter, Caller supervisor) {
        this.backOffice = backOffice;
        this.channelAdapter = channelAdapter;
        this.supervisor = supervisor;
    }

    /** What was sent. */
    public record Loaded(int records, int facts, int interactions, int agents, int skills) {
    }

    /**
     * Posts one contact as an adapter does: a busy suite (429, 502, 503, 504) is asked again after a pause, which is
     * safe because a contact is idempotent on its source message id (a retry of a stored one answers 200).
     */
    private void send(ChannelMessage contact) {
        int status = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            status = channelAdapter.post("/api/v1/interactions", contact).status();
            if (status == 201 || status == 200) {
                return;
            }
            if (!BUSY.contains(status)) {
                break;
            }
            pause(Duration.ofSeconds(attempt * 2L));
        }
        throw new IllegalStateException("the gateway refused demo contact " + contact.sourceMessageId() + ": HTTP " + status);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Loaded load(DemoData data) {
        Set<String> skills = new TreeSet<>();
        data.agents().forEach(agent -> skills.addAll(agent.routingSkills().keySet()));
        for (String skill : skills) {
            expect(supervisor.put("/api/v1/routing/skills/" + skill, Map.of("description", "demo skill " + skill)), "skill " + skill);
        }
        for (Agent agent : data.agents()) {
            List<Map<String, Object>> levels = new ArrayList<>();
            agent.routingSkills().forEach((skill, proficiency) -> levels.add(Map.of("skill", skill, "proficiency", proficiency)));
            expect(supervisor.put("/api/v1/routing/agents/" + agent.agentId(), Map.of("displayName", agent.displayName(),
                    "skills", levels)), "agent " + agent.agentId());
        }
        for (SourceRecord record : data.records()) {
            backOffice.publish(record.sourceSystem() + ":" + record.sourceId(), record);
        }
        for (Fact fact : data.facts()) {
            backOffice.publish(fact.key(), fact.event());
        }
        for (ChannelMessage contact : data.interactions()) {
            send(contact);
        }
        return new Loaded(data.records().size(), data.facts().size(), data.interactions().size(), data.agents().size(), skills.size());
    }

    private static void expect(Caller.Reply reply, String what) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("routing refused demo " + what + ": HTTP " + reply.status());
        }
    }
}
