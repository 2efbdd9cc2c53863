package dev.panorama.routing.matching;

/** What a queue's timed escalation step does to a task that has waited long enough. */
public enum EscalationAction {
    /** Stop holding the task for its preferred agents: every qualified agent may take it. */
    OPEN_TO_ALL_QUALIFIED,
    /** Lower every minimum proficiency by the step's amount (never below 1). */
    RELAX_PROFICIENCY,
    /** Any one of the required skills will do, and the any-of list is dropped. */
    WIDEN_SKILLS,
    /** Move the task to the queue's overflow queue, where that queue's steps start again. */
    OVERFLOW
}
