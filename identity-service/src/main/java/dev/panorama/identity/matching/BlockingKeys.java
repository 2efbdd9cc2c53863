package dev.panorama.identity.matching;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a record is indexed, so that candidates for a new record are the records
 * sharing at least one key: cheap to look up, whatever the number of stored customers, and loose
 * enough that a typo in one field still leaves another key in common.
 */
public final class BlockingKeys {

    /** Keys of an identifier, an e-mail address and a phone number: exact values, which lookups find records by. */
    public static final String IDENTIFIER = "id:";
    public static final String EMAIL = "em:";
    public static final String PHONE = "ph:";

    private BlockingKeys() {
    }

    /**
     * Whether "who is this?" reads this key's block ({@code GET /lookup}), whatever its size: such a block must hold
     * every record carrying the key. Resolutions read only blocks under the cap.
     */
    public static boolean answersLookups(String key) {
        return key.startsWith(IDENTIFIER) || key.startsWith(EMAIL) || key.startsWith(PHONE);
    }

    public static Set<String> of(PersonRecord record) {
        Set<String> keys = new LinkedHashSet<>();
        record.uniqueIds().forEach((type, value) -> keys.add(IDENTIFIER + type + ":" + value));
        record.emails().forEach(email -> keys.add(EMAIL + email));
        record.emails().forEach(email -> keys.add("el:" + email.substring(0, email.indexOf('@'))));
        record.phones().forEach(phone -> keys.add(PHONE + phone));
        String given = record.givenName();
        String family = record.familyName();
        // each name's phonetic code once: it is the costliest part of the keys
        String givenSound = given == null ? null : Similarity.phonetic(given);
        String familySound = family == null ? null : Similarity.phonetic(family);
        String birth = record.birthDate() == null ? null : Similarity.compact(record.birthDate());
        if (birth != null) {
            keys.add("dob:" + birth);
        }
        if (family != null && given != null) {
            keys.add("fg:" + familySound + ":" + given.charAt(0));
            keys.add("fg:" + givenSound + ":" + family.charAt(0));
        }
        if (family != null && birth != null) {
            keys.add("fy:" + familySound + ":" + birth.substring(0, 4));
        }
        if (given != null && birth != null) {
            keys.add("gy:" + givenSound + ":" + birth.substring(0, 4));
        }
        if (record.postcode() != null && family != null) {
            keys.add("pf:" + record.postcode() + ":" + family.charAt(0));
        }
        if (record.postcode() != null && given != null) {
            keys.add("pg:" + record.postcode() + ":" + given.charAt(0));
        }
        if (record.locality() != null && family != null) {
            keys.add("lf:" + record.locality() + ":" + familySound);
        }
        if (record.locality() != null && given != null) {
            keys.add("lg:" + record.locality() + ":" + givenSound);
        }
        if (record.street() != null && (record.postcode() != null || record.locality() != null)) {
            keys.add("st:" + record.street() + ":" + (record.postcode() != null ? record.postcode() : record.locality()));
        }
        return keys;
    }
}
