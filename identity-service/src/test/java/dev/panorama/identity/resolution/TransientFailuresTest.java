package dev.panorama.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.identity.customers.ConcurrentCustomerChange;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aDeadlockOrARivalsCommittedInsertIsWorthAnotherTransaction() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new CompositeException(new NullPointerException(),
                new IllegalStateException(new SQLException("duplicate key", "23505"))))).isTrue();
        assertThat(TransientFailures.isTransient(new NeighbourhoodKeptChanging())).isTrue();
    }

    @Test
    void otherFailuresAreAnsweredAtOnce() {
        assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad record"))).isFalse();
    }

    @Test
    void aTransientFailureOpensTheTransactionAgainAtMostThreeTimes() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> alwaysDeadlocked = TransientFailures.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new SQLException("deadlock detected", "40P01"));
        });
        assertThatThrownBy(() -> alwaysDeadlocked.await().indefinitely())
                .as("after the last attempt the caller is told to try again (409), not given an internal error")
                .isInstanceOf(ConcurrentCustomerChange.class);
        assertThat(attempts).hasValue(1 + TransientFailures.RETRIES);

        AtomicInteger calls = new AtomicInteger();
        Uni<String> secondTimeLucky = TransientFailures.retried(() -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new SQLException("duplicate key", "23505"))
                : Uni.createFrom().item("stored"));
        assertThat(secondTimeLucky.await().indefinitely()).isEqualTo("stored");
    }
}
