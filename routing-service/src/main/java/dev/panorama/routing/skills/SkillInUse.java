package dev.panorama.routing.skills;

import dev.panorama.kit.problem.DomainException;

/** A skill agents still hold cannot leave the catalogue. */
public class SkillInUse extends DomainException {

    public SkillInUse(String skill, long agents) {
        super(Kind.CONFLICT, "skill-in-use", "Skill " + skill + " is held by " + agents + " agent(s); remove it from them first.");
    }
}
