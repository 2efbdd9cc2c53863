package dev.panorama.profile.reading;

import dev.panorama.profile.reading.ProfileView.AgentContact;
import dev.panorama.profile.reading.ProfileView.CaseView;
import java.util.List;
import java.util.UUID;

/** What routing asks the profile for when it queues a task (priority is a boost to add to the task's own). */
public record RoutingHints(UUID customerId, String tier, int priorityBoost, List<String> segments, int openCaseCount,
        List<CaseView> openCases, List<AgentContact> recentAgents) {
}
