package dev.panorama.identity.normalisation;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.matching.PersonRecord;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a source record as a system sent it into the normalised values the matcher compares. */
public final class RecordNormaliser {

    private final Emails emails;
    private final Phones phones;
    private final Addresses addresses;
    private final Set<String> uniqueIdentifierTypes;

    /**
     * @param uniqueIdentifierTypes identifier types that belong to one customer only (e.g. national-id,
     *                              account-number, customer-number); others, such as a shared household
     *                              email, never link on their own
     */
    public RecordNormaliser(Emails emails, Phones phones, Addresses addresses, Set<String> uniqueIdentifierTypes) {
        this.emails = emails;
        this.phones = phones;
        this.addresses = addresses;
        this.uniqueIdentifierTypes = Set.copyOf(uniqueIdentifierTypes);
    }

    public static RecordNormaliser withDefaults(String defaultPhoneRegion) {
        return new RecordNormaliser(Emails.withDefaultRules(), new Phones(defaultPhoneRegion), Addresses.withDefaultRules(),
                Set.of("national-id", "account-number", "customer-number", "passport"));
    }

    public PersonRecord normalise(SourceRecord source) {
        PersonName name = source.name();
        Optional<PostalAddress> address = source.addresses().stream().findFirst();
        return new PersonRecord(
                source.sourceSystem() + ":" + source.sourceId(),
                Names.normalise(givenName(name)),
                Names.normalise(familyName(name)),
                source.dateOfBirth(),
                source.emails().stream().map(emails::normalise).flatMap(Optional::stream).collect(Collectors.toSet()),
                source.phones().stream().map(phones::normalise).flatMap(Optional::stream).collect(Collectors.toSet()),
                address.map(a -> addresses.street(String.join(" ", a.lines()))).orElse(null),
                address.map(a -> Addresses.locality(a.locality())).orElse(null),
                address.map(a -> Addresses.postcode(a.postcode())).orElse(null),
                address.map(a -> a.region() == null ? null : Names.normalise(a.region())).orElse(null),
                uniqueIds(source));
    }

    /** One email address as the matcher compares it; empty when it is not a valid address. */
    public Optional<String> email(String raw) {
        return emails.normalise(raw);
    }

    /** One phone number as the matcher compares it (E.164); empty when it is not a possible number. */
    public Optional<String> phone(String raw) {
        return phones.normalise(raw);
    }

    /** A street written as the matcher compares it; null when blank. */
    public String street(String raw) {
        return addresses.street(raw);
    }

    /** An identifier's value as compared: without spaces or dashes, upper case; empty when absent. */
    public static String identifierValue(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The given name, or the first word of a full name given alone (e.g. a sender's display name). */
    private static String givenName(PersonName name) {
        if (name == null) {
            return null;
        }
        return name.given() != null || name.full() == null ? name.given() : fullNameParts(name.full())[0];
    }

    private static String familyName(PersonName name) {
        if (name == null) {
            return null;
        }
        if (name.family() != null || name.full() == null) {
            return name.family();
        }
        String[] parts = fullNameParts(name.full());
        return parts.length > 1 ? parts[parts.length - 1] : null;
    }

    private static String[] fullNameParts(String full) {
        String normalised = Names.normalise(full);
        return normalised == null ? new String[] {null} : normalised.split(" ");
    }

    private Map<String, String> uniqueIds(SourceRecord source) {
        Map<String, String> ids = new HashMap<>();
        for (Identifier identifier : source.identifiers()) {
            String type = identifier.type().toLowerCase(Locale.ROOT);
            String value = identifierValue(identifier.value());
            if (uniqueIdentifierTypes.contains(type) && !value.isEmpty()) {
                ids.put(identifier.issuer() == null ? type : type + "@" + identifier.issuer(), value);
            }
        }
        return ids;
    }

}
