package dev.panorama.profile.folding;

/** Facts one event brings to a profile, under the event's id (the de-duplication key). */
public record Fact(String eventId, ProfileState facts) {
}
