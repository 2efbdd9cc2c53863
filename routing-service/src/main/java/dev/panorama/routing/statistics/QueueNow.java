package dev.panorama.routing.statistics;

/**
 * A queue right now, as the supervisor console shows it.
 *
 * @param waiting             tasks created or queued, not yet offered
 * @param oldestWaitSeconds   how long the longest-waiting of them has been in the queue; 0 when none waits
 * @param offered             tasks offered and not yet answered
 * @param inProgress          tasks assigned or in wrap-up
 * @param agentsAvailable     available agents with room who could take one of the waiting tasks as asked: room on its
 *                            channel, every all-of skill at its minimum and, when it names any-of skills, at least one
 *                            of them at its minimum (before escalation loosens them); when none waits, available agents
 *                            with room
 * @param slaMetLast15Minutes tasks of the queue assigned in the last 15 minutes, and how many within the SLA target
 * @param completedToday      tasks completed since midnight UTC
 * @param abandonedToday      tasks cancelled before assignment or expired since midnight UTC
 */
public record QueueNow(String queue, String name, long waiting, long oldestWaitSeconds, long offered, long inProgress,
        long agentsAvailable, int slaTargetSeconds, SlaShare slaMetLast15Minutes, long completedToday, long abandonedToday) {
}
