package dev.panorama.identity.matching;

import java.util.List;

/**
 * What became of a record: the customer it belongs to and why.
 *
 * @param customerId         the customer the record now belongs to
 * @param decision           NEW customer, MATCHED an existing one, or POSSIBLE (a new customer for now, with a review)
 * @param bestMatch          the strongest pair behind the decision, if any candidate was scored
 * @param mergedCustomerIds  customers merged into {@code customerId} because the record matched them too
 * @param blockedMerges      customers it also matched but that merge protection kept apart
 */
public record Resolution(String customerId, Decision decision, MatchScore bestMatch, List<String> mergedCustomerIds,
        List<String> blockedMerges) {

    public enum Decision {
        NEW, MATCHED, POSSIBLE
    }
}
