package dev.panorama.routing.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The agents and tasks of a scale-out run, drawn from a fixed seed: agents hold two or three of a few skills at
 * random proficiency; each task needs one or two skills that some agent holds at that level (so every task can be
 * served), some name preferred agents, and channels mix one-at-a-time phone with chats and emails.
 */
final class ScaleWorkload {

    static final List<String> SKILLS = List.of("lang-en", "lang-de", "billing", "tech", "returns");
    static final Map<String, Integer> CAPACITY = Map.of("PHONE", 1, "CHAT", 2, "EMAIL", 3);
    private static final List<String> CHANNELS = List.of("PHONE", "CHAT", "CHAT", "EMAIL");

    /** An agent's skills by name with proficiency. */
    record AgentSpec(String id, Map<String, Integer> skills) {
    }

    /** A task's channel, required skills (name to minimum proficiency), priority and preferred agents. */
    record TaskSpec(String channel, Map<String, Integer> required, int priority, List<String> preferred) {
    }

    final List<AgentSpec> agents = new ArrayList<>();
    final List<TaskSpec> tasks = new ArrayList<>();

    ScaleWorkload(String run, int agentCount, int taskCount, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < agentCount; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int held = 2 + random.nextInt(2);
            while (skills.size() < held) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
            }
            agents.add(new AgentSpec(String.format("%s-%04d", run, i), skills));
        }
        for (int i = 0; i < taskCount; i++) {
            AgentSpec template = agents.get(random.nextInt(agentCount));
            List<String> names = new ArrayList<>(template.skills().keySet());
            Map<String, Integer> required = new LinkedHashMap<>();
            int needed = 1 + random.nextInt(2);
            while (required.size() < needed) {
                String skill = names.get(random.nextInt(names.size()));
                required.put(skill, 1 + random.nextInt(template.skills().get(skill)));
            }
            List<String> preferred = random.nextInt(10) < 3
                    ? List.of(template.id(), agents.get(random.nextInt(agentCount)).id()).stream().distinct().toList() : List.of();
            tasks.add(new TaskSpec(CHANNELS.get(random.nextInt(CHANNELS.size())), required, random.nextInt(50), preferred));
        }
    }

    AgentSpec agent(String id) {
        return agents.stream().filter(agent -> agent.id().equals(id)).findFirst().orElseThrow();
    }

    static String agentJson(AgentSpec agent) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"Scale agent\",\"skills\":[");
        json.append(String.join(",", agent.skills().entrySet().stream()
                .map(skill -> "{\"skill\":\"" + skill.getKey() + "\",\"proficiency\":" + skill.getValue() + "}").toList()));
        json.append("],\"capacity\":{");
        json.append(String.join(",", CAPACITY.entrySet().stream().map(c -> "\"" + c.getKey() + "\":" + c.getValue()).toList()));
        return json.append("}}").toString();
    }

    static String taskJson(TaskSpec task, String queue, UUID customer) {
        String required = String.join(",", task.required().entrySet().stream()
                .map(need -> "{\"skill\":\"" + need.getKey() + "\",\"minProficiency\":" + need.getValue() + "}").toList());
        String preferred = String.join(",", task.preferred().stream().map(id -> "\"" + id + "\"").toList());
        return "{\"channel\":\"" + task.channel() + "\",\"queueId\":\"" + queue + "\",\"priority\":" + task.priority()
                + ",\"requiredSkills\":[" + required + "],\"preferredAgents\":[" + preferred + "],\"customerId\":\"" + customer
                + "\",\"subject\":\"scale\"}";
    }
}
