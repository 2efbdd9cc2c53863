package dev.panorama.routing.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StoreUnavailableTest {

    @Test
    void a_database_that_is_down_restarting_or_recovering_is_unavailable() {
        assertThat(StoreUnavailable.is(new ConnectException("Connection refused"))).isTrue();
        assertThat(StoreUnavailable.is(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(StoreUnavailable.is(new NoStackTraceTimeoutException("Timeout while waiting for a connection"))).isTrue();
        assertThat(StoreUnavailable.is(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(StoreUnavailable.is(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(StoreUnavailable.is(new CompletionException(new IllegalStateException("wrapped", new ConnectException("refused")))))
                .isTrue();
    }

    @Test
    void wrong_work_is_not_unavailability() {
        assertThat(StoreUnavailable.is(new IllegalArgumentException("not a panorama.interaction.InteractionLogged.v1"))).isFalse();
        assertThat(StoreUnavailable.is(new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null)))
                .isFalse();
        assertThat(StoreUnavailable.is(new PgException("null value in column", "ERROR", "23502", null))).isFalse();
    }
}
