package dev.panorama.identity.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.kit.problem.ProblemMappers;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaffTransactionsTest {

    @Test
    void aDeadlockASerializationFailureOrCustomersChangedMeanwhileAreWorthAnotherTransaction() {
        assertThat(StaffTransactions.metAnotherChange(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(StaffTransactions.metAnotherChange(new CompositeException(new NullPointerException(),
                new IllegalStateException(new SQLException("could not serialize access", "40001"))))).isTrue();
        assertThat(StaffTransactions.metAnotherChange(new ConcurrentCustomerChange())).isTrue();
    }

    @Test
    void otherFailuresAreAnsweredAtOnce() {
        assertThat(StaffTransactions.metAnotherChange(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StaffTransactions.metAnotherChange(new SQLException("no state"))).isFalse();
        assertThat(StaffTransactions.metAnotherChange(new UnknownCustomer(java.util.UUID.randomUUID()))).isFalse();
    }

    @Test
    void aChangeThatKeepsMeetingOthersIsAConflictToTryAgainAfterItsLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> alwaysDeadlocked = StaffTransactions.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new RuntimeException(new SQLException("deadlock detected", "40P01")));
        });

        assertThatThrownBy(() -> alwaysDeadlocked.await().indefinitely()).isInstanceOf(ConcurrentCustomerChange.class);
        assertThat(attempts).hasValue(1 + StaffTransactions.RETRIES);
    }

    @Test
    void aChangeIsMadeOnceAnotherAttemptGetsThrough() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> secondTimeLucky = StaffTransactions.retried(() -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().failure(new SQLException("deadlock detected", "40P01"))
                : Uni.createFrom().item("merged"));

        assertThat(secondTimeLucky.await().indefinitely()).isEqualTo("merged");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> unknown = StaffTransactions.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new UnknownCustomer(java.util.UUID.randomUUID()));
        });

        assertThatThrownBy(() -> unknown.await().indefinitely()).isInstanceOf(UnknownCustomer.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theConflictSaysWhenToTryAgain() {
        jakarta.ws.rs.core.Response response = new ProblemMappers().refused(new ConcurrentCustomerChange());

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    }
}
