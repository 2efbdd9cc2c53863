package dev.panorama.identity.verification;

import dev.panorama.identity.customers.Survivors;

import dev.panorama.identity.erasure.ErasedCustomer;

import dev.panorama.identity.verification.persistence.VerificationAttemptEntity;
import dev.panorama.identity.verification.persistence.VerificationStore;
import dev.panorama.kit.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A customer's verification audit trail, newest first, a page at a time. */
@ApplicationScoped
public class AttemptLog {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Survivors survivor;
    private final VerificationStore store;

    public AttemptLog(Survivors survivor, VerificationStore store) {
        this.survivor = survivor;
        this.store = store;
    }

    /** Attempts on the customer and on every customer merged into it; an erased customer's trail stays readable. */
    @WithSession
    public Uni<AttemptPage> page(UUID id, Integer limit, String cursor) {
        int size = size(limit);
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
        return survivor.living(id)
                .onFailure(ErasedCustomer.class).recoverWithItem(id)
                .chain(store::mergedGroup)
                .chain(group -> store.attempts(group, after == null ? null : after.time(), after == null ? null : after.id(),
                        size + 1))
                .map(rows -> page(rows, size));
    }

    private static AttemptPage page(List<VerificationAttemptEntity> rows, int size) {
        List<VerificationAttemptEntity> shown = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size ? new Position(shown.getLast().attemptedAt, shown.getLast().id).encode() : null;
        return new AttemptPage(shown.stream().map(AttemptLog::view).toList(), next);
    }

    private static AttemptView view(VerificationAttemptEntity row) {
        List<String> factors = row.factors.isEmpty() ? List.of() : Arrays.asList(row.factors.split(","));
        return new AttemptView(row.id, row.customerId, row.requestedCustomerId, row.attemptedAt, row.actor, row.actorSubject,
                row.clientId, row.channel, factors, row.outcome,
                row.assuranceLevel == null ? null : AssuranceLevel.valueOf(row.assuranceLevel));
    }

    private static int size(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1) {
            throw InvalidInputException.field("limit", "must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** Where a page ended: the time and id of its last (oldest) attempt. */
    private record Position(Instant time, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((time + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw InvalidInputException.field("cursor", "is not a cursor this list returned");
            }
        }
    }
}
