package dev.panorama.routing.config;

import dev.panorama.routing.matching.BestScore;
import dev.panorama.routing.matching.DispatchPlanner;
import dev.panorama.routing.matching.Matcher;
import dev.panorama.routing.matching.RoutingOrder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Everything an operator can tune in routing, with the defaults a new installation starts from. */
@ConfigMapping(prefix = "panorama.routing")
public interface RoutingConfig {

    /** Waiting time one priority point is worth: a task of priority p is served as if it came p x this earlier. */
    @WithDefault("6s")
    Duration priorityPointWorth();

    /** How many waiting tasks one dispatch round takes (locked, skipped by other replicas). */
    @WithDefault("100")
    int dispatchBatch();

    /**
     * Dispatch rounds one replica runs at once. A round mostly waits for the database, so a single one at a time
     * left the service idle while tasks and freed agents waited; rounds at once are as safe as replicas are.
     */
    @WithDefault("3")
    int dispatchLanes();

    /**
     * Whether an agent who becomes available or frees a slot is offered tasks inside that very transaction (its own
     * pass: offered as the change commits) rather than by a round after commit (rounds of many agents choose better
     * among agents and read the queue's head once for all of them, at the cost of waiting their turn). Off by default:
     * in RoutingBench (session 20, loaded machine) own passes cut the routable-to-offer p99 from 6.9 s to 0.9 s but cost
     * about twice the CPU per assignment, and tasks handled by an agent holding every required skill fell from 86 % to 66 %.
     */
    @WithDefault("false")
    boolean ownPass();

    /**
     * Whether a new task of a skill-based queue has its round in the transaction that creates it (offered as it
     * commits), rather than in a transaction of its own after commit (a rotation's task always has the latter).
     */
    @WithDefault("true")
    boolean roundAtCreation();

    /** How often every replica dispatches and sweeps even when no event asked it to. */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** Offers in a row an agent lets time out before routing sets the agent AWAY. */
    @WithDefault("3")
    int maxMissedOffers();

    /** How long an agent who rejected or missed a task is not offered it again. */
    @WithDefault("2m")
    Duration turnDownCooldown();

    /** Capacity per channel of a new agent, for channels a supervisor did not set (CHANNEL=tasks at once). */
    @WithDefault("PHONE=1,VIDEO=1,IN_PERSON=1,CHAT=3,SMS=3,SOCIAL=3,WEB=3,EMAIL=5,LETTER=5,FAX=5,OTHER=1")
    List<String> defaultCapacity();

    /** The queue tasks go to when nothing names one. */
    @WithDefault("general")
    String defaultQueue();

    /** Priority of a task nothing else sets. */
    @WithDefault("10")
    int defaultPriority();

    /** The queue settings a new queue starts from. */
    QueueDefaults queueDefaults();

    /** The weights of the documented best-score formula ({@link BestScore}). */
    Score score();

    /** Asking profile-service for routing hints. */
    Hints hints();

    interface QueueDefaults {

        /** How long an agent has to answer an offer. */
        @WithDefault("30s")
        Duration offerTimeout();

        /** How long an agent stays in wrap-up after a task unless it is completed earlier. */
        @WithDefault("30s")
        Duration wrapUp();

        /** Service level: a task should be offered within this time of entering the queue. */
        @WithDefault("30s")
        Duration slaTarget();
    }

    interface Score {
        @WithDefault("0.40")
        double skill();

        @WithDefault("0.25")
        double preferred();

        @WithDefault("0.20")
        double idle();

        @WithDefault("0.15")
        double spare();

        /** Idle time beyond this counts the same. */
        @WithDefault("10m")
        Duration idleCap();
    }

    interface Hints {

        /** Longest wait for profile-service before the task is created without hints. */
        @WithDefault("300ms")
        Duration timeout();

        /** Calls in the circuit breaker's window. */
        @WithDefault("10")
        int circuitVolume();

        /** Share of failed calls in the window that opens the circuit. */
        @WithDefault("0.5")
        double circuitFailureRatio();

        /** How long an open circuit answers "no hints" at once before trying again. */
        @WithDefault("10s")
        Duration circuitDelay();

        /** Preferred agents taken from the agents who served the customer lately, most recent first. */
        @WithDefault("3")
        int preferredAgents();
    }

    default DispatchPlanner planner() {
        BestScore weights = new BestScore(score().skill(), score().preferred(), score().idle(), score().spare(),
                score().idleCap());
        return new DispatchPlanner(new Matcher(weights), new RoutingOrder(priorityPointWorth()));
    }

    default RoutingOrder order() {
        return new RoutingOrder(priorityPointWorth());
    }
}
