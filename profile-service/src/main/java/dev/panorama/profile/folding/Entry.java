package dev.panorama.profile.folding;

/**
 * One keyed fact of a profile (an account, a case, a contact, ...). Joining two versions of the same fact is
 * commutative, associative and idempotent, which is what makes the profile tolerate redelivery and disorder.
 */
public interface Entry<E extends Entry<E>> {

    /** What identifies the fact within a profile. */
    String key();

    /** The fact knowing everything both versions know; {@code other} has the same key. */
    E join(E other);
}
