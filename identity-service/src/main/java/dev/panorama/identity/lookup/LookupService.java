package dev.panorama.identity.lookup;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.matching.BlockingKeys;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.resolution.MatchEngine;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import dev.panorama.kit.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** "Who is this?" by an email, a phone number or an identifier: the customers whose records carry it. */
@ApplicationScoped
public class LookupService {

    private final IdentityStore store;
    private final MatchEngine engine;

    public LookupService(IdentityStore store, MatchEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    @WithSession
    public Uni<List<UUID>> customersWith(String type, String value) {
        String key = keyFor(type, value);
        Uni<List<SourceRecordEntity>> records = key.startsWith(BlockingKeys.IDENTIFIER)
                ? store.currentRecordsWithIdentifierKey(key, issuedKeyPattern(type, key))
                : store.currentRecordsSharingKeys(List.of(key));
        return records.map(found -> found.stream().map(record -> record.customerId).distinct().toList());
    }

    /**
     * Identifiers given with an issuer are indexed as {@code id:<type>@<issuer>:<value>}; a lookup names the type
     * alone, so it finds them whatever their issuer (a LIKE pattern, its wildcards in the value escaped).
     */
    private static String issuedKeyPattern(String type, String key) {
        String prefix = BlockingKeys.IDENTIFIER + type.toLowerCase(Locale.ROOT) + ":";
        String value = key.substring(prefix.length()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return BlockingKeys.IDENTIFIER + type.toLowerCase(Locale.ROOT).replace("_", "\\_") + "@%:" + value;
    }

    /** The blocking key an exact value is indexed under, through the same normalisation as stored records. */
    private String keyFor(String type, String value) {
        List<String> emails = "email".equals(type) ? List.of(value) : List.of();
        List<String> phones = "phone".equals(type) ? List.of(value) : List.of();
        List<Identifier> identifiers = emails.isEmpty() && phones.isEmpty() ? List.of(new Identifier(type, value, null)) : List.of();
        PersonRecord probe = engine.normaliser().normalise(new SourceRecord("lookup", "lookup", Instant.EPOCH, null, null,
                emails, phones, List.of(), identifiers));
        String prefix = switch (type) {
            case "email" -> BlockingKeys.EMAIL;
            case "phone" -> BlockingKeys.PHONE;
            default -> BlockingKeys.IDENTIFIER;
        };
        Set<String> keys = BlockingKeys.of(probe);
        return keys.stream().filter(key -> key.startsWith(prefix)).findFirst()
                .orElseThrow(() -> InvalidInputException.field("value", "not a valid " + type
                        + ("email".equals(type) || "phone".equals(type) ? "" : " (lookups need an identifier type that belongs to one customer)")));
    }
}
