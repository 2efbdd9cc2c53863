package dev.panorama.bench.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded workload of the routing benchmark: agents holding two or three of a few skills at proficiency 1-5,
 * tasks needing one or two skills (drawn from some agent, so every task has a qualified agent), three priority
 * bands, some naming preferred agents; channels chat and email. The same workload runs under both strategies.
 */
final class RoutingSimulation {

    static final List<String> SKILLS = List.of("lang-en", "lang-de", "lang-fr", "billing", "tech", "returns", "loans");
    static final Map<String, Integer> CAPACITY = Map.of("CHAT", 2, "EMAIL", 3);
    static final List<Integer> PRIORITIES = List.of(0, 10, 30);
    private static final List<String> CHANNELS = List.of("CHAT", "CHAT", "EMAIL");

    record AgentSpec(String id, Map<String, Integer> skills) {
    }

    record TaskSpec(String channel, Map<String, Integer> required, int priority, List<String> preferred) {
    }

    final List<AgentSpec> agents = new ArrayList<>();
    final Map<String, AgentSpec> agentsById = new LinkedHashMap<>();
    final List<TaskSpec> tasks = new ArrayList<>();

    RoutingSimulation(int agentCount, int taskCount, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < agentCount; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int held = 2 + random.nextInt(2);
            while (skills.size() < held) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
            }
            AgentSpec agent = new AgentSpec(String.format("bench-agent-%05d", i), skills);
            agents.add(agent);
            agentsById.put(agent.id(), agent);
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
            List<String> preferred = random.nextInt(10) < 3 ? List.of(template.id()) : List.of();
            tasks.add(new TaskSpec(CHANNELS.get(random.nextInt(CHANNELS.size())), required,
                    PRIORITIES.get(random.nextInt(PRIORITIES.size())), preferred));
        }
    }

    /** Whether the agent holds every skill the task needs at its minimum proficiency. */
    boolean fullyQualified(String agentId, TaskSpec task) {
        Map<String, Integer> held = agentsById.get(agentId).skills();
        return task.required().entrySet().stream().allMatch(need -> held.getOrDefault(need.getKey(), 0) >= need.getValue());
    }

    static String agentJson(AgentSpec agent) {
        String skills = String.join(",", agent.skills().entrySet().stream()
                .map(skill -> "{\"skill\":\"" + skill.getKey() + "\",\"proficiency\":" + skill.getValue() + "}").toList());
        String capacity = String.join(",", CAPACITY.entrySet().stream().map(c -> "\"" + c.getKey() + "\":" + c.getValue()).toList());
        return "{\"displayName\":\"Bench agent\",\"skills\":[" + skills + "],\"capacity\":{" + capacity + "}}";
    }

    static String taskJson(TaskSpec task, String queue) {
        String required = String.join(",", task.required().entrySet().stream()
                .map(need -> "{\"skill\":\"" + need.getKey() + "\",\"minProficiency\":" + need.getValue() + "}").toList());
        String preferred = String.join(",", task.preferred().stream().map(id -> "\"" + id + "\"").toList());
        return "{\"channel\":\"" + task.channel() + "\",\"queueId\":\"" + queue + "\",\"priority\":" + task.priority()
                + ",\"requiredSkills\":[" + required + "],\"preferredAgents\":[" + preferred + "],\"subject\":\"bench\"}";
    }
}
