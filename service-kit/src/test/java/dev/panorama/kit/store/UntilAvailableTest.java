package dev.panorama.kit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilAvailableTest {

    @Test
    void work_failing_because_the_store_is_down_is_done_again_until_it_succeeds() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> applied = UntilAvailable.postgres(() -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                : Uni.createFrom().item("applied"));

        assertThat(applied.await().atMost(Duration.ofSeconds(30))).isEqualTo("applied");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void any_other_failure_ends_the_work_at_once_so_the_record_can_be_dead_lettered() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> refused = UntilAvailable.mongo(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalArgumentException("not a CustomersMerged"));
        });

        assertThatThrownBy(() -> refused.await().atMost(Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a CustomersMerged");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void each_store_waits_only_for_its_own_unavailability() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> postgresWork = UntilAvailable.postgres(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new MongoTimeoutException("not this service's store"));
        });

        assertThatThrownBy(() -> postgresWork.await().atMost(Duration.ofSeconds(30))).isInstanceOf(MongoTimeoutException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void every_attempt_starts_on_the_vertx_context_of_the_first() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            List<Context> attemptedOn = new CopyOnWriteArrayList<>();
            CompletableFuture<String> outcome = new CompletableFuture<>();
            context.runOnContext(ignored -> UntilAvailable.postgres(() -> {
                attemptedOn.add(Vertx.currentContext());
                return attemptedOn.size() < 3 ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                        : Uni.createFrom().item("applied");
            }).subscribe().with(outcome::complete, outcome::completeExceptionally));

            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo("applied");
            assertThat(attemptedOn).hasSize(3).containsOnly(context);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_pause_doubles_up_to_ten_seconds() {
        assertThat(UntilAvailable.longer(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(400));
        assertThat(UntilAvailable.longer(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(10));
        assertThat(UntilAvailable.longer(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    }
}
