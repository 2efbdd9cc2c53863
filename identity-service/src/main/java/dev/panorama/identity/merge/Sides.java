package dev.panorama.identity.merge;

import java.util.List;

/** The customers a change touches, with their records before and after it. */
record Sides(List<CustomerRecords> before, List<CustomerRecords> after) {
}
