package dev.panorama.routing.skills;

/** An entry of the skills catalogue. */
public record Skill(String name, String description) {
}
