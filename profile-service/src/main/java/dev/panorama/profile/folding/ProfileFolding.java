package dev.panorama.profile.folding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How events change profile documents. Each method returns the document unchanged (the same instance) when the
 * event changes nothing, so the store can skip the write: a redelivered event, a fact already known, an event
 * for an erased customer.
 */
public final class ProfileFolding {

    private final int rememberedEvents;

    /** @param rememberedEvents how many applied event ids a profile keeps to recognise redeliveries at once */
    public ProfileFolding(int rememberedEvents) {
        this.rememberedEvents = rememberedEvents;
    }

    /** Adds facts to a customer's profile. */
    public ProfileDocument apply(ProfileDocument profile, String eventId, ProfileState facts) {
        if (profile.erased() || profile.merged() || profile.applied(eventId)) {
            return profile;
        }
        ProfileState joined = profile.state().join(facts);
        return profile.withState(joined).remembering(List.of(eventId), rememberedEvents);
    }

    /**
     * Adds the facts of several events at once: the same document as applying them one by one, in any order (the
     * join is associative and commutative), but the profile's lists are joined once instead of once per event.
     */
    public ProfileDocument apply(ProfileDocument profile, List<Fact> facts) {
        if (profile.erased() || profile.merged()) {
            return profile;
        }
        List<Fact> fresh = facts.stream().filter(fact -> !profile.applied(fact.eventId())).toList();
        if (fresh.isEmpty()) {
            return profile;
        }
        ProfileState incoming = fresh.stream().map(Fact::facts).reduce(ProfileState::join).orElseThrow();
        return profile.withState(profile.state().join(incoming))
                .remembering(fresh.stream().map(Fact::eventId).toList(), rememberedEvents);
    }

    /**
     * The survivor of a merge takes in everything the merged profile knew. A survivor merged itself meanwhile is only a
     * pointer, which no reader looks into: the profile it leads to must take the facts in instead.
     */
    public ProfileDocument absorb(ProfileDocument survivor, ProfileDocument merged, String eventId) {
        if (survivor.erased() || survivor.merged() || survivor.applied(eventId) && merged.state().isEmpty()) {
            return survivor;
        }
        return survivor.withState(survivor.state().join(merged.state()))
                .remembering(merged.appliedEvents(), rememberedEvents)
                .remembering(List.of(eventId), rememberedEvents);
    }

    /** What is left of a merged profile: a pointer to its survivor. */
    public ProfileDocument mergedInto(ProfileDocument merged, UUID survivorId) {
        if (merged.erased() || survivorId.equals(merged.mergedInto()) && merged.state().isEmpty()) {
            return merged;
        }
        return merged.pointingTo(survivorId);
    }

    /**
     * The customer a split names as its new one stands on its own: when a merge is undone, that is the customer merged
     * before, whose profile points to the survivor; facts for it must stay with it, not follow the pointer back.
     */
    public ProfileDocument standingAlone(ProfileDocument splitOff) {
        return splitOff.merged() ? splitOff.standingAlone() : splitOff;
    }

    /** The facts of the moved source records, which the split-off customer's profile receives. */
    public ProfileState splitPart(ProfileDocument original, Set<Origin> moved) {
        return original.state().from(moved);
    }

    /** The original profile without the moved source records' facts. */
    public ProfileDocument splitOff(ProfileDocument original, Set<Origin> moved, String eventId) {
        ProfileState remaining = original.state().without(moved);
        if (original.erased() || remaining.equals(original.state())) {
            return original;
        }
        return original.withState(remaining).remembering(List.of(eventId), rememberedEvents);
    }

    /** An erased customer's profile keeps nothing but the fact that it was erased, so late events cannot revive it. */
    public ProfileDocument erase(ProfileDocument profile, Instant erasedAt) {
        return profile.erased() ? profile : profile.tombstone(erasedAt);
    }
}
