package dev.panorama.identity.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the schedule estimates a new version of the match model, and why: the newest version, activated or not, has
 * aged past {@code every}; or it is the priors and the store now holds {@code firstAtRecords} current records; or the
 * store holds {@code grownBy} times the current records the newest version was estimated among. A version whose
 * records are not known (estimated before they were kept) waits for its age only.
 */
record TrainingDue(Duration every, long firstAtRecords, double grownBy) {

    /** The newest version as the rule reads it: when it was estimated, and among how many records (0 for the priors). */
    record Newest(Instant trainedAt, Long records) {
    }

    /** Why a new version is due now, or empty when it is not. */
    Optional<String> why(Newest newest, long recordsNow, Instant now) {
        if (newest == null) {
            return Optional.of("no version is stored");
        }
        if (newest.trainedAt().plus(every).isBefore(now)) {
            return Optional.of("the newest version is older than " + every);
        }
        if (newest.records() == null) {
            return Optional.empty();
        }
        if (newest.records() == 0) {
            return recordsNow >= firstAtRecords
                    ? Optional.of("the priors are in use and the store holds " + recordsNow + " current records")
                    : Optional.empty();
        }
        return grownBy > 1 && recordsNow >= grownBy * newest.records()
                ? Optional.of("the store holds " + recordsNow + " current records, " + grownBy + " times or more the "
                        + newest.records() + " the newest version was estimated among")
                : Optional.empty();
    }
}
