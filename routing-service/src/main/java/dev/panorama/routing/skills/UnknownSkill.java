package dev.panorama.routing.skills;

import dev.panorama.kit.problem.DomainException;
import java.util.Collection;

/** A request names skills the catalogue does not hold. */
public class UnknownSkill extends DomainException {

    public UnknownSkill(Collection<String> skills) {
        super(Kind.UNPROCESSABLE, "unknown-skill", "Not in the skills catalogue: " + String.join(", ", skills) + ".");
    }

    public UnknownSkill(String skill) {
        super(Kind.NOT_FOUND, "unknown-skill", "No skill " + skill + " in the catalogue.");
    }
}
