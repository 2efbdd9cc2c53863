package dev.panorama.identity.golden;

import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import java.time.LocalDate;

/** The best-known value of each attribute of a customer across its source records; absent values are null. */
public record GoldenRecord(GoldenValue<PersonName> name, GoldenValue<LocalDate> birthDate, ContactValues emails,
        ContactValues phones, GoldenValue<PostalAddress> address) {
}
