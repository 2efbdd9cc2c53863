package dev.panorama.routing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction's BEGIN goes out with its work's first statements, not ahead of them: the work still runs in one
 * transaction from its first statement, and what it wrote is gone when it fails or is run again.
 */
@QuarkusTest
class TransactionsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Transactions transactions;

    @Inject
    Pool pool;

    private final String run = "tx-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        pool.preparedQuery("delete from skill where name like $1").execute(Tuple.of(run + "%")).await().atMost(WAIT);
    }

    @Test
    void theWorkRunsInOneTransactionFromItsFirstStatement() {
        List<Long> ids = transactions.inTransaction(connection -> Uni.combine().all()
                        .unis(transactionId(connection), transactionId(connection)).asTuple()
                        .map(both -> List.of(both.getItem1(), both.getItem2())))
                .await().atMost(WAIT);

        assertThat(ids.get(0)).as("the first statement, sent with BEGIN, and the second share a transaction").isEqualTo(ids.get(1));
    }

    @Test
    void whatAFailedWorkWroteIsRolledBack() {
        assertThatThrownBy(() -> transactions.inTransaction(connection -> addSkill(connection, run)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the work fails after writing"))))
                .await().atMost(WAIT)).hasMessageContaining("the work fails after writing");

        assertThat(skills()).isZero();
    }

    @Test
    void aWorkRunAgainStartsWithoutWhatItsFirstAttemptWrote() {
        AtomicInteger attempts = new AtomicInteger();

        int done = transactions.inTransaction(connection -> addSkill(connection, run)
                        .map(added -> attempts.incrementAndGet())
                        .invoke(attempt -> {
                            if (attempt == 1) {
                                throw new RunAgain("the first attempt read a row that changed");
                            }
                        }))
                .await().atMost(WAIT);

        assertThat(done).isEqualTo(2);
        assertThat(skills()).as("the second attempt added the same skill again: the first one's was rolled back").isEqualTo(1);
    }

    @Test
    void readsComeOutsideAnyTransactionAndTheWritesInOneOpenedOnTheSameConnection() {
        List<Long> ids = transactions.readThenWrite(connection -> transactionId(connection)
                        .chain(first -> transactionId(connection).map(second -> List.of(first, second)))
                        .chain(outside -> Transactions.within(connection, inside -> addSkill(inside, run)
                                .chain(() -> transactionId(inside))
                                .chain(first -> transactionId(inside).map(second -> List.of(outside.get(0), outside.get(1), first, second))))))
                .await().atMost(WAIT);

        assertThat(ids.get(0)).as("each read outside a transaction is its own").isNotEqualTo(ids.get(1));
        assertThat(ids.get(2)).as("the statements within share one transaction").isEqualTo(ids.get(3));
        assertThat(skills()).isEqualTo(1);
    }

    @Test
    void aFailureWithinTheTransactionRollsBackWhatItWroteOnly() {
        assertThatThrownBy(() -> transactions.readThenWrite(connection -> addSkill(connection, run + "-before")
                        .chain(() -> Transactions.within(connection, inside -> addSkill(inside, run)
                                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the write fails"))))))
                .await().atMost(WAIT)).hasMessageContaining("the write fails");

        assertThat(skills()).as("the statement before the transaction committed on its own; the one within was rolled back")
                .isEqualTo(1);
        assertThat(pool.preparedQuery("select count(*) from skill where name = $1").execute(Tuple.of(run + "-before"))
                .await().atMost(WAIT).iterator().next().getLong(0)).isEqualTo(1);
    }

    /** The current transaction's id (assigning one): two statements of one transaction see the same. */
    private static Uni<Long> transactionId(SqlConnection connection) {
        return connection.query("select txid_current()").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<Integer> addSkill(SqlConnection connection, String name) {
        return connection.preparedQuery("insert into skill (name) values ($1)").execute(Tuple.of(name)).map(rows -> rows.rowCount());
    }

    private long skills() {
        return pool.preparedQuery("select count(*) from skill where name like $1").execute(Tuple.of(run + "%"))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}
