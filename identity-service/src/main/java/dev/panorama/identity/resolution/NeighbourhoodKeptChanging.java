package dev.panorama.identity.resolution;

import dev.panorama.kit.problem.DomainException;

/**
 * A steward merged, split, erased or kept apart a customer that a record's decision linked it to, after the
 * decision read it: the record is resolved again in a fresh transaction, and this reaches the caller only if that
 * kept happening. Sending the record again is safe.
 */
public class NeighbourhoodKeptChanging extends DomainException {

    NeighbourhoodKeptChanging() {
        super(Kind.CONFLICT, "concurrent-change", "the customers near this record changed while it was being resolved,"
                + " on every attempt; send the record again");
    }
}
