package dev.panorama.events.interaction;

import dev.panorama.events.OptionalField;
import java.util.List;

/** What routing needs to know about a contact that wants an answer. */
public record RoutingHints(
        @OptionalField String language,
        @OptionalField String intent,
        List<String> requiredSkills,
        @OptionalField Integer priorityHint) {

    /** Absent lists read as empty, so consumers never meet null. */
    public RoutingHints {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
    }
}
