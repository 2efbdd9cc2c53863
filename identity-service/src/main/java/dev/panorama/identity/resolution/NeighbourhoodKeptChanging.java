package dev.panorama.identity.resolution;

import dev.panorama.kit.problem.DomainException;

/** Stewards kept changing the customers around a record while it was being resolved; sending it again is safe. */
public class NeighbourhoodKeptChanging extends DomainException {

    NeighbourhoodKeptChanging(int reads) {
        super(Kind.CONFLICT, "concurrent-change", "the customers near this record changed on each of " + reads
                + " reads; send the record again");
    }
}
