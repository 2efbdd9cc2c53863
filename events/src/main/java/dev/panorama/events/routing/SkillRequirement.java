package dev.panorama.events.routing;


/** A skill a task needs, with the lowest proficiency (1-5) that will do. */
public record SkillRequirement(
        String skill,
        int minProficiency) {
}
