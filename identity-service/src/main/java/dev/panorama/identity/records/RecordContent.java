package dev.panorama.identity.records;

import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import java.util.stream.Stream;

/**
 * Whether a source record carries anything to recognise its customer by. One made of its ids alone (every other
 * field misspelt by the sender, or a placeholder) would become a customer that no later record can match, so it is
 * refused wherever it comes from.
 */
public final class RecordContent {

    public static final String NOTHING_TO_MATCH_ON = "the record carries nothing to recognise its customer by: "
            + "give at least one of name, dateOfBirth, emails, phones, addresses or identifiers";

    private RecordContent() {
    }

    public static boolean nothingToMatchOn(SourceRecord record) {
        return !named(record.name()) && record.dateOfBirth() == null && record.emails().isEmpty()
                && record.phones().isEmpty() && record.identifiers().isEmpty()
                && record.addresses().stream().noneMatch(RecordContent::located);
    }

    /** A title alone names nobody. */
    private static boolean named(PersonName name) {
        return name != null && anyGiven(Stream.of(name.given(), name.middle(), name.family(), name.full()));
    }

    /** What kind of address it is says nowhere. */
    private static boolean located(PostalAddress address) {
        return anyGiven(Stream.concat(address.lines().stream(),
                Stream.of(address.locality(), address.region(), address.postcode(), address.country())));
    }

    private static boolean anyGiven(Stream<String> values) {
        return values.anyMatch(value -> value != null && !value.isBlank());
    }
}
