package dev.panorama.profile.audit;

import java.time.Instant;
import java.util.UUID;

/** One read of a customer's profile by staff: who, when, which customer, what they looked at. */
public record ProfileRead(String id, String actor, UUID customerId, String what, Instant at) {
}
