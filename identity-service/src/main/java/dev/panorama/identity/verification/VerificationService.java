package dev.panorama.identity.verification;

import dev.panorama.identity.customers.Survivors;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.verification.persistence.VerificationAttemptEntity;
import dev.panorama.identity.verification.persistence.VerificationLockEntity;
import dev.panorama.identity.verification.persistence.VerificationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks a caller's answers, one attempt at a time per customer: the customer's lock row is held from the lockout
 * check to the new count, so concurrent attempts cannot get more guesses than the limit. Every attempt is audited,
 * including the ones refused while locked.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final Survivors survivor;
    private final FactorService factors;
    private final FactorHashing hashing;
    private final VerificationStore store;
    private final LockoutPolicy lockout;
    private final Clock clock = Clock.systemUTC();

    public VerificationService(Survivors survivor, FactorService factors, FactorHashing hashing,
            VerificationStore store, IdentityConfig config) {
        this.survivor = survivor;
        this.factors = factors;
        this.hashing = hashing;
        this.store = store;
        this.lockout = new LockoutPolicy(config.verification().maxFailures(), config.verification().lockout());
    }

    /** The verdict on the answers (already normalised); fails with {@link VerificationLocked} while locked. */
    public Uni<VerificationResult> verify(UUID requestedId, Map<Factor, String> answers, String channel, Caller caller) {
        // the refusal is thrown after the commit, so the audit row of a locked attempt is kept
        return Panache.withTransaction(() -> attempt(requestedId, answers, channel, caller))
                .map(Attempt::resultOrThrow);
    }

    /** Lifts a lock and clears the failure count; audited as UNLOCKED. */
    @WithTransaction
    public Uni<Void> unlock(UUID requestedId, Caller caller) {
        return survivor.living(requestedId).chain(customerId -> {
            Instant now = now();
            return store.lockStateForUpdate(customerId, now)
                    .invoke(lock -> save(lock, LockoutPolicy.State.CLEAR, now))
                    .chain(() -> store.record(audit(customerId, requestedId, caller, null, List.of(), "UNLOCKED", null, now)))
                    .invoke(() -> LOG.infof("verification lock of customer %s lifted by %s", customerId, caller.subject()));
        });
    }

    private Uni<Attempt> attempt(UUID requestedId, Map<Factor, String> answers, String channel, Caller caller) {
        return survivor.living(requestedId).chain(customerId -> {
            Instant now = now();
            return store.lockStateForUpdate(customerId, now).chain(lock -> {
                LockoutPolicy.State state = lockout.current(state(lock), now);
                if (state.lockedUntil() != null) {
                    return refuse(customerId, requestedId, answers, channel, caller, state, now);
                }
                return check(customerId, answers)
                        .chain(matched -> conclude(customerId, requestedId, matched, channel, caller, lock, state, now));
            });
        });
    }

    private Uni<Map<Factor, Boolean>> check(UUID customerId, Map<Factor, String> answers) {
        return factors.effectiveFactors(customerId).chain(stored -> {
            Map<Factor, String> hashes = new EnumMap<>(Factor.class);
            stored.forEach((factor, entity) -> hashes.put(factor, entity.hash));
            return hashing.check(answers, hashes);
        });
    }

    private Uni<Attempt> conclude(UUID customerId, UUID requestedId, Map<Factor, Boolean> matched, String channel,
            Caller caller, VerificationLockEntity lock, LockoutPolicy.State before, Instant now) {
        AssuranceLevel level = AssurancePolicy.decide(matched);
        boolean verified = level != AssuranceLevel.NONE;
        LockoutPolicy.State after = lockout.afterAttempt(before, matched, verified, now);
        save(lock, after, now);
        List<String> checked = names(matched.keySet());
        List<String> right = names(matched.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        VerificationResult result = new VerificationResult(customerId, level, checked, right, lockout.remaining(after, now),
                after.lockedUntil());
        if (after.lockedUntil() != null) {
            LOG.infof("verification of customer %s locked until %s", customerId, after.lockedUntil());
        }
        return store.record(audit(customerId, requestedId, caller, channel, checked, verified ? "VERIFIED" : "FAILED",
                        level, now))
                .map(ignored -> new Attempt(result, null));
    }

    private Uni<Attempt> refuse(UUID customerId, UUID requestedId, Map<Factor, String> answers, String channel,
            Caller caller, LockoutPolicy.State state, Instant now) {
        return store.record(audit(customerId, requestedId, caller, channel, names(answers.keySet()), "LOCKED", null, now))
                .map(ignored -> new Attempt(null, new VerificationLocked(customerId, state.lockedUntil())));
    }

    private static LockoutPolicy.State state(VerificationLockEntity lock) {
        return new LockoutPolicy.State(lock.failures, WrongAnswers.read(lock.wrongAnswers), lock.lockedUntil);
    }

    private static void save(VerificationLockEntity lock, LockoutPolicy.State state, Instant now) {
        lock.failures = state.failures();
        lock.wrongAnswers = WrongAnswers.write(state.wrongAnswers());
        lock.lockedUntil = state.lockedUntil();
        lock.updatedAt = now;
    }

    private static VerificationAttemptEntity audit(UUID customerId, UUID requestedId, Caller caller, String channel,
            List<String> factorNames, String outcome, AssuranceLevel level, Instant now) {
        VerificationAttemptEntity attempt = new VerificationAttemptEntity();
        attempt.id = UUID.randomUUID();
        attempt.customerId = customerId;
        attempt.requestedCustomerId = requestedId;
        attempt.actor = caller.name() != null ? caller.name() : caller.subject();
        attempt.actorSubject = caller.subject();
        attempt.clientId = caller.client();
        attempt.channel = channel;
        attempt.factors = String.join(",", factorNames);
        attempt.outcome = outcome;
        attempt.assuranceLevel = level == null ? null : level.name();
        attempt.attemptedAt = now;
        return attempt;
    }

    private static List<String> names(java.util.Collection<Factor> factors) {
        return factors.stream().sorted().map(Factor::fieldName).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Either a verdict or a refusal while locked; both are audited before the transaction ends. */
    private record Attempt(VerificationResult result, VerificationLocked refusal) {
        VerificationResult resultOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return result;
        }
    }
}
