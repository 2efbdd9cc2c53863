package dev.panorama.routing.dispatch;

import dev.panorama.kit.context.OwnContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wakes the sweeper's escalation when the next escalation step is due, so a task reaches its step on time rather
 * than at the sweeper's next tick (up to a whole interval late: a task held for its preferred agent waited for the
 * tick after its opening step before any other agent could get it). One timer, armed for the earliest due time
 * asked for: by the sweeper after each escalation pass (the next step due) and by a new task (its first step); the
 * tick stays the safety net.
 */
@ApplicationScoped
public class EscalationTimer {

    /**
     * A step already due is escalated after this pause at least: so a step another replica holds is not spun on, and
     * so that tasks falling due one after another (a long queue whose tasks came in over time) are escalated in passes
     * of some together. Every pass reads when the next step is due and locks those due, and the round after it reads
     * every available agent the escalated tasks admit: with 10,000 tasks queued behind 2,000 busy agents, passes 5 ms
     * apart escalated 14 tasks each and used more than one core of PostgreSQL's time. Steps are seconds apart; this
     * is the most a step is applied late while the queue is long.
     */
    static final Duration LEAST_PAUSE = Duration.ofMillis(50);

    private final Vertx vertx;
    private final Clock clock;
    private Instant armedFor;
    private long timer = -1;
    private Runnable escalate = () -> { };

    public EscalationTimer(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    /** What to run when a step is due (the sweeper's escalation). */
    synchronized void whenDue(Runnable escalate) {
        this.escalate = escalate;
    }

    /** Escalates (on a context of its own) at {@code due}, unless a timer for no later is armed already. */
    public synchronized void at(Instant due) {
        if (!replaces(armedFor, due)) {
            return;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        armedFor = due;
        Runnable escalate = this.escalate;
        timer = vertx.setTimer(pause(clock.instant(), due).toMillis(), fired -> {
            synchronized (this) {
                if (timer == fired) {
                    timer = -1;
                    armedFor = null;
                }
            }
            OwnContext.run(vertx, escalate);
        });
    }

    /** Whether a step due at {@code due} needs the timer re-armed when it is armed for {@code armed} (null: not armed). */
    static boolean replaces(Instant armed, Instant due) {
        return armed == null || due.isBefore(armed);
    }

    /** How long from {@code now} until a step due at {@code due} is escalated: its due time, but never at once. */
    static Duration pause(Instant now, Instant due) {
        Duration until = Duration.between(now, due).plusMillis(1);
        return until.compareTo(LEAST_PAUSE) < 0 ? LEAST_PAUSE : until;
    }
}
