package dev.panorama.profile.folding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What an incoming event means to the profiles: see {@link ProfileEvents#of(Object)}. */
public sealed interface ProfileEvent {

    /** Facts about a known customer (contacts, routing tasks). */
    record ForCustomer(UUID customerId, ProfileState facts) implements ProfileEvent {
    }

    /** Facts keyed by a source system's record (back-office facts, master data): applied once the record's customer is known. */
    record ForSourceRecord(Origin origin, ProfileState facts) implements ProfileEvent {
    }

    /** A source record now belongs to a customer: facts parked for it can be applied. */
    record Linked(UUID customerId, Origin origin, ProfileState facts) implements ProfileEvent {
    }

    record Merged(UUID survivorId, List<UUID> mergedIds) implements ProfileEvent {
    }

    record Split(UUID originalId, UUID newCustomerId, Set<Origin> moved) implements ProfileEvent {
    }

    record Erased(UUID customerId, Instant erasedAt) implements ProfileEvent {
    }

    /** Nothing for a profile (an agent's presence, a contact nobody was resolved for). */
    record Ignored(String why) implements ProfileEvent {
    }
}
