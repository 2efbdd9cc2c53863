package dev.panorama.identity.erasure;

import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.util.Locale;
import java.util.Optional;

/**
 * A source id is usually a system's own key (C-1001) and stays, so history remains countable. A channel,
 * though, keys its records by the contact address itself (the sender's email or phone): such an id is
 * personal data and is replaced on erasure.
 */
final class SourceIdPseudonyms {

    private final RecordNormaliser normaliser;

    SourceIdPseudonyms(RecordNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** Whether the record's source id is one of the record's own emails or phone numbers. */
    boolean isPersonal(SourceRecord record) {
        String id = record.sourceId();
        if (id == null) {
            return false;
        }
        return record.emails().stream().anyMatch(email -> sameText(id, email) || same(normaliser.email(id), normaliser.email(email)))
                || record.phones().stream().anyMatch(phone -> sameText(id, phone) || same(normaliser.phone(id), normaliser.phone(phone)));
    }

    private static boolean sameText(String id, String value) {
        return value != null && id.trim().toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean same(Optional<String> a, Optional<String> b) {
        return a.isPresent() && a.equals(b);
    }
}
