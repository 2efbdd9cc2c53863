package dev.panorama.kit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PostgresUnavailableTest {

    @Test
    void a_database_that_is_down_restarting_or_recovering_is_unavailable() {
        assertThat(PostgresUnavailable.is(new ConnectException("Connection refused"))).isTrue();
        assertThat(PostgresUnavailable.is(new SocketException("Connection reset"))).isTrue();
        assertThat(PostgresUnavailable.is(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(PostgresUnavailable.is(new NoStackTraceTimeoutException("Timeout while waiting for a connection"))).isTrue();
        assertThat(PostgresUnavailable.is(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(PostgresUnavailable.is(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(PostgresUnavailable.is(new PgException("sorry, too many clients already", "FATAL", "53300", null))).isTrue();
        assertThat(PostgresUnavailable.is(new CompletionException(new IllegalStateException("wrapped", new ConnectException("refused")))))
                .isTrue();
    }

    @Test
    void hibernate_reactive_keeps_only_the_sqlstate_and_mutiny_may_hold_several_failures() {
        // Hibernate Reactive turns the client's DatabaseException into a JDBCException around a bare SQLException
        assertThat(PostgresUnavailable.is(new RuntimeException("error executing SQL statement",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(PostgresUnavailable.is(new RuntimeException(new SQLException("connection failure", "08006")))).isTrue();
        assertThat(PostgresUnavailable.is(new CompositeException(new IllegalStateException("rollback failed"),
                new RuntimeException(ClosedConnectionException.INSTANCE)))).isTrue();
    }

    @Test
    void wrong_work_is_not_unavailability() {
        assertThat(PostgresUnavailable.is(new IllegalArgumentException("not a SourceRecord: unexpected end-of-input"))).isFalse();
        assertThat(PostgresUnavailable.is(new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null)))
                .isFalse();
        assertThat(PostgresUnavailable.is(new PgException("null value in column", "ERROR", "23502", null))).isFalse();
        assertThat(PostgresUnavailable.is(new RuntimeException(new SQLException("value too long for type character varying(64)", "22001"))))
                .isFalse();
        assertThat(PostgresUnavailable.is(new SQLException("no state"))).isFalse();
        assertThat(PostgresUnavailable.is(new CompositeException(new IllegalStateException("a"), new NullPointerException("b")))).isFalse();
    }
}
