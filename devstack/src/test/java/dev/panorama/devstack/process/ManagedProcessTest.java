package dev.panorama.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing a server like a crash and starting it again, as the fault tests do. */
class ManagedProcessTest {

    /** A "server" that starts a child of its own, as PostgreSQL starts its backends. */
    private static final List<String> SERVER_WITH_A_CHILD = List.of("sh", "-c", "sleep 300 & sleep 300");

    @Test
    void kill_takes_the_server_and_everything_it_started_and_restart_brings_it_back(@TempDir Path dir) {
        ManagedProcess server = ManagedProcess.start("sleeper", SERVER_WITH_A_CHILD, Map.of(), dir.resolve("sleeper.log"),
                StopSignal.TERM, Duration.ofSeconds(5));
        try {
            Ports.await("sleeper's child", Duration.ofSeconds(30), server, () -> treeOf(server).size() >= 2);
            List<ProcessHandle> before = treeOf(server);

            server.kill();

            assertThat(server.isAlive()).isFalse();
            assertThat(before).noneMatch(ProcessHandle::isAlive);

            server.restart();
            Ports.await("sleeper again", Duration.ofSeconds(30), server, () -> treeOf(server).size() >= 2);
            assertThat(server.isAlive()).isTrue();
            assertThat(server.serverPid()).isPositive().isNotIn(before.stream().map(ProcessHandle::pid).toList());
            assertThatThrownBy(server::restart).hasMessageContaining("still running");
        } finally {
            List<ProcessHandle> last = treeOf(server);
            server.close();
            Ports.await("the sleepers' end", Duration.ofSeconds(10), null, () -> last.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    private static List<ProcessHandle> treeOf(ManagedProcess server) {
        return ProcessHandle.of(server.serverPid()).stream()
                .flatMap(process -> java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants()))
                .toList();
    }
}
