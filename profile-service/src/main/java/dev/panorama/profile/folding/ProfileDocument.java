package dev.panorama.profile.folding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * One customer's profile as stored: its state, the ids of the events last applied to it (so a redelivered
 * event is recognised at once), and what became of the customer: merged into a survivor, or erased.
 *
 * @param revision the store's optimistic-concurrency counter; the folding never changes it
 */
public record ProfileDocument(UUID customerId, UUID mergedInto, Instant erasedAt, ProfileState state,
        List<String> appliedEvents, long revision) {

    public ProfileDocument {
        state = state == null ? ProfileState.empty() : state;
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
    }

    public static ProfileDocument empty(UUID customerId) {
        return new ProfileDocument(customerId, null, null, ProfileState.empty(), List.of(), 0);
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean merged() {
        return mergedInto != null;
    }

    public boolean applied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    ProfileDocument withState(ProfileState newState) {
        return new ProfileDocument(customerId, mergedInto, erasedAt, newState, appliedEvents, revision);
    }

    /** Remembers event ids, the oldest forgotten first beyond {@code limit}: the facts' own keys still keep late repeats harmless. */
    ProfileDocument remembering(List<String> eventIds, int limit) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(appliedEvents);
        ids.addAll(eventIds);
        List<String> kept = new ArrayList<>(ids);
        return new ProfileDocument(customerId, mergedInto, erasedAt, state,
                kept.subList(Math.max(0, kept.size() - limit), kept.size()), revision);
    }

    ProfileDocument pointingTo(UUID survivor) {
        return new ProfileDocument(customerId, survivor, null, ProfileState.empty(), appliedEvents, revision);
    }

    ProfileDocument standingAlone() {
        return new ProfileDocument(customerId, null, erasedAt, state, appliedEvents, revision);
    }

    ProfileDocument tombstone(Instant at) {
        return new ProfileDocument(customerId, null, at, ProfileState.empty(), List.of(), revision);
    }
}
