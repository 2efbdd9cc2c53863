package dev.panorama.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.panorama.identity.foundation.Jdbc;
import dev.panorama.kit.context.OwnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.junit.jupiter.api.Test;

/**
 * A resolution's transaction opens with its first statements and always ends, committed or rolled back, its locks
 * released: whether the work succeeds, fails, or its caller goes away half-way.
 */
@QuarkusTest
class ResolutionTransactionTest {

    @Inject
    ResolutionTransaction transaction;
    @Inject
    Vertx vertx;

    @Test
    void workThatSucceedsIsCommittedWithItsLocksReleased() throws Exception {
        UUID customer = UUID.randomUUID();

        runOnOwnContext(() -> transaction.run(() -> lockKeyAndStore(customer))).get(30, TimeUnit.SECONDS);

        assertThat(stored(customer)).isTrue();
        assertThat(lockFree(customer)).isTrue();
    }

    @Test
    void workThatFailsHalfWayIsRolledBackWithItsLocksReleased() throws Exception {
        UUID customer = UUID.randomUUID();

        CompletableFuture<Object> outcome = runOnOwnContext(() -> transaction.run(() -> lockKeyAndStore(customer)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the resolver gave up")))));

        assertThat(outcome).failsWithin(Duration.ofSeconds(30)).withThrowableThat().withMessageContaining("the resolver gave up");
        assertThat(stored(customer)).isFalse();
        assertThat(lockFree(customer)).isTrue();
    }

    @Test
    void workWhoseCallerGoesAwayStillEndsAndReleasesItsLocks() throws Exception {
        UUID customer = UUID.randomUUID();
        AtomicReference<Cancellable> subscription = new AtomicReference<>();
        OwnContext.run(vertx, () -> subscription.set(transaction.run(() -> lockKeyAndStore(customer).chain(() -> sql("select pg_sleep(0.3)")))
                .subscribe().with(ignored -> { }, ignored -> { })));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.get() != null && !lockFree(customer));

        subscription.get().cancel();

        await().atMost(Duration.ofSeconds(30)).until(() -> lockFree(customer));
        assertThat(stored(customer)).isTrue();
    }

    /** Takes the customer id's advisory lock for the transaction, as a resolution takes its keys', and stores the customer. */
    private static Uni<Void> lockKeyAndStore(UUID customer) {
        return sql("with locked as (select pg_advisory_xact_lock(hashtextextended($1, 0)))"
                + " insert into customer (id, status, created_at, updated_at) select cast($1 as uuid), 'ACTIVE', now(), now()"
                + " from locked", customer.toString());
    }

    /** A statement on the transaction's own connection, as the resolution's statements go. */
    private static Uni<Void> sql(String statement, Object... parameters) {
        return Panache.getSession().chain(session -> Uni.createFrom().completionStage(() -> ((MutinySessionImpl) session)
                .getReactiveConnection().update(statement, parameters))).replaceWithVoid();
    }

    private <T> CompletableFuture<Object> runOnOwnContext(java.util.function.Supplier<Uni<T>> work) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        OwnContext.run(vertx, () -> work.get().subscribe().with(outcome::complete, outcome::completeExceptionally));
        return outcome;
    }

    private boolean stored(UUID customer) throws SQLException {
        try (Connection connection = Jdbc.connect();
                PreparedStatement query = connection.prepareStatement("select count(*) from customer where id = ?")) {
            query.setObject(1, customer);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    /** Whether another session can take the customer id's advisory lock now (and gives it back at once). */
    private boolean lockFree(UUID customer) throws SQLException {
        try (Connection connection = Jdbc.connect();
                PreparedStatement query = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            query.setString(1, customer.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
