package dev.panorama.profile.folding;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import java.time.Instant;
import java.util.List;

/** Name, contact details and identifiers as one source record gives them; the latest version of the record wins. */
public record SourceContact(Origin origin, Instant updatedAt, PersonName name, List<String> emails, List<String> phones,
        List<Identifier> identifiers) implements Entry<SourceContact> {

    public SourceContact {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    @Override
    public String key() {
        return origin.key();
    }

    @Override
    public SourceContact join(SourceContact other) {
        return Later.of(this, other, SourceContact::updatedAt);
    }
}
