package dev.panorama.routing.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * Every routing write is one PostgreSQL transaction on one connection: the state change and its outbox events
 * commit together. Locks are taken agent before task before offer where a transaction needs several; what
 * PostgreSQL still breaks as a deadlock or serialization failure is run again from the start.
 */
@ApplicationScoped
public class Transactions {

    /** deadlock_detected, serialization_failure. */
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
    private static final int ATTEMPTS = 5;

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return retried(pool.withConnection(connection -> within(connection, work)));
    }

    /**
     * Work that reads first on one connection, outside any transaction, and writes (if at all) in a transaction it
     * opens on that connection by {@link #within}: a read that finds nothing to write costs no BEGIN and COMMIT.
     * Run again from the start as {@link #inTransaction} is.
     */
    public <T> Uni<T> readThenWrite(Function<SqlConnection, Uni<T>> work) {
        return retried(pool.withConnection(work));
    }

    /**
     * The work in a transaction on the connection, whose BEGIN goes out with the work's first statements: the client
     * sends commands without waiting for the answers to earlier ones, and a connection's commands run in order, so
     * the work's statements run inside the transaction all the same, without a round trip of BEGIN's own first.
     * Committed once the work succeeded, rolled back otherwise.
     */
    public static <T> Uni<T> within(SqlConnection connection, Function<SqlConnection, Uni<T>> work) {
        Uni<Transaction> begun = connection.begin().memoize().indefinitely();
        return Uni.combine().all().unis(begun, Uni.createFrom().deferred(() -> work.apply(connection))).asTuple()
                .onFailure().call(failure -> begun.chain(Transaction::rollback).onFailure().recoverWithNull())
                .chain(done -> done.getItem1().commit().replaceWith(done.getItem2()));
    }

    private static <T> Uni<T> retried(Uni<T> attempt) {
        return attempt.onFailure(Transactions::retryable).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(100))
                .atMost(ATTEMPTS);
    }

    /** A read outside any transaction. */
    public <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(work);
    }

    static boolean retryable(Throwable failure) {
        return failure instanceof RunAgain || failure instanceof PgException pg && RETRYABLE.contains(pg.getSqlState());
    }
}
