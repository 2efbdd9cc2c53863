package dev.panorama.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.folding.SourceContact;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Profile documents as BSON: the folding's records as JSON, plus the lower-cased search keys (names, emails,
 * phone digits, identifiers) that lookups and the console search query.
 */
public final class ProfileCodec {

    static final String SEARCH = "search";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ProfileCodec() {
    }

    public static Document toBson(ProfileDocument profile) {
        Document document = Document.parse(write(profile));
        document.put("_id", profile.customerId().toString());
        document.put(SEARCH, searchKeys(profile.state()));
        return document;
    }

    public static ProfileDocument fromBson(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        copy.remove(SEARCH);
        return read(copy.toJson(RELAXED), ProfileDocument.class);
    }

    public static Document stateToBson(ProfileState state) {
        return Document.parse(write(state));
    }

    public static ProfileState stateFromBson(Document document) {
        return read(document.toJson(RELAXED), ProfileState.class);
    }

    /** The identifier key a lookup asks for: {@code email:jo@example.org}, {@code phone:447700900123}, {@code national-id:...}. */
    public static String identifierKey(String type, String value) {
        String lowerType = type.trim().toLowerCase(Locale.ROOT);
        return lowerType + ":" + ("phone".equals(lowerType) ? digits(value) : value.trim().toLowerCase(Locale.ROOT));
    }

    public static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static Document searchKeys(ProfileState state) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        for (SourceContact contact : state.contacts()) {
            if (contact.name() != null) {
                Stream.of(contact.name().given(), contact.name().middle(), contact.name().family(), contact.name().full())
                        .filter(Objects::nonNull).flatMap(part -> Stream.of(part.toLowerCase(Locale.ROOT).split("\\s+")))
                        .filter(token -> !token.isBlank()).forEach(names::add);
            }
            contact.emails().forEach(email -> {
                emails.add(email.trim().toLowerCase(Locale.ROOT));
                identifiers.add(identifierKey("email", email));
            });
            contact.phones().forEach(phone -> {
                phones.add(digits(phone));
                identifiers.add(identifierKey("phone", phone));
            });
            contact.identifiers().forEach(id -> identifiers.add(identifierKey(id.type(), id.value())));
        }
        state.sources().forEach(link -> identifiers.add(identifierKey(link.origin().sourceSystem(), link.origin().customerNumber())));
        return new Document("names", List.copyOf(names)).append("emails", List.copyOf(emails))
                .append("phones", List.copyOf(phones)).append("identifiers", List.copyOf(identifiers));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile that cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored profile that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
