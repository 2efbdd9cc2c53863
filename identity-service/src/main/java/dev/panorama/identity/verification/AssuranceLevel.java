package dev.panorama.identity.verification;

/**
 * How sure the service is that a caller is the customer. Any wrong answer (or an answer to a factor the
 * customer has not set) makes the attempt NONE and a failed attempt, whatever else was right.
 */
public enum AssuranceLevel {
    /** Not verified: an answer was wrong, or nothing was asked. */
    NONE,
    /** One weak factor (postcode or account last digits) right, and nothing else asked. */
    LOW,
    /** One strong factor (memorable date or passphrase) right on its own, or two or more weak factors right. */
    MEDIUM,
    /** Two or more factors right, at least one of them strong. */
    HIGH
}
