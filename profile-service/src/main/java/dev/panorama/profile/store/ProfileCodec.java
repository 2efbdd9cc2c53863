package dev.panorama.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.folding.SourceContact;
import dev.panorama.profile.phones.PhoneKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Profile documents as BSON: the folding's records as JSON, plus the lower-cased search keys (name parts with and
 * without accents, emails, phone digits ({@link PhoneKeys}), identifiers) that lookups and the console search query.
 */
public final class ProfileCodec {

    static final String SEARCH = "search";
    private static final String PHONE = "phone";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Set<String> STORE_ONLY = Set.of("_id", SEARCH);

    private ProfileCodec() {
    }

    public static Document toBson(ProfileDocument profile, PhoneKeys phones) {
        Document document = BsonTree.document(JSON.valueToTree(profile));
        document.put("_id", profile.customerId().toString());
        document.put(SEARCH, searchKeys(profile.state(), phones));
        return document;
    }

    public static ProfileDocument fromBson(Document document) {
        return read(BsonTree.tree(document, STORE_ONLY), ProfileDocument.class);
    }

    public static Document stateToBson(ProfileState state) {
        return BsonTree.document(JSON.valueToTree(state));
    }

    public static ProfileState stateFromBson(Document document) {
        return read(BsonTree.tree(document, Set.of()), ProfileState.class);
    }

    /**
     * The identifier keys a lookup asks for: {@code email:jo@example.org}, {@code national-id:...}; a phone number by its
     * digits with the country code ({@code phone:447700900123}) and as written, so a profile stored before numbers were
     * read in the default region is found too.
     */
    static Set<String> identifierKeys(String type, String value, PhoneKeys phones) {
        String lowerType = type.trim().toLowerCase(Locale.ROOT);
        if (!PHONE.equals(lowerType)) {
            return Set.of(lowerType + ":" + value.trim().toLowerCase(Locale.ROOT));
        }
        return phoneIdentifiers(phones.read(value));
    }

    private static Set<String> phoneIdentifiers(PhoneKeys.Digits number) {
        return new LinkedHashSet<>(List.of(PHONE + ":" + number.lookupDigits(), PHONE + ":" + number.asWritten()));
    }

    private static Document searchKeys(ProfileState state, PhoneKeys phoneKeys) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        for (SourceContact contact : state.contacts()) {
            if (contact.name() != null) {
                Stream.of(contact.name().given(), contact.name().middle(), contact.name().family(), contact.name().full())
                        .filter(Objects::nonNull).flatMap(NameTokens::keys).forEach(names::add);
            }
            contact.emails().forEach(email -> {
                emails.add(email.trim().toLowerCase(Locale.ROOT));
                identifiers.addAll(identifierKeys("email", email, phoneKeys));
            });
            contact.phones().stream().map(phoneKeys::read).forEach(number -> {
                phones.addAll(number.searchKeys());
                identifiers.addAll(phoneIdentifiers(number));
            });
            contact.identifiers().forEach(id -> identifiers.addAll(identifierKeys(id.type(), id.value(), phoneKeys)));
        }
        state.sources().forEach(link -> identifiers.addAll(identifierKeys(link.origin().sourceSystem(),
                link.origin().customerNumber(), phoneKeys)));
        return new Document("names", List.copyOf(names)).append("emails", List.copyOf(emails))
                .append("phones", List.copyOf(phones)).append("identifiers", List.copyOf(identifiers));
    }

    private static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored profile that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
