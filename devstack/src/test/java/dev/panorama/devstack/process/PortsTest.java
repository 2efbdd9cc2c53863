package dev.panorama.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PortsTest {

    /** Outgoing connections take their local ports from the ephemeral range: a server's chosen port must not be there. */
    @RepeatedTest(20)
    void aFreePortLiesBelowTheEphemeralRangeAndCanBeBound() throws IOException {
        int port = Ports.free();

        assertThat(port).isBetween(Ports.LOWEST, Ports.ephemeralRangeStart() - 1);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.isBound()).isTrue();
        }
    }

    /**
     * Parts starting in parallel choose their ports before any binds one: two of them given the same port would fail
     * at start. Among 2,000 ports drawn from the ~20,000 below the ephemeral range, random draws alone would repeat one
     * almost surely.
     */
    @Test
    void neverHandsOutAPortTwice() {
        Set<Integer> ports = new HashSet<>();

        IntStream.range(0, 2_000).forEach(i -> ports.add(Ports.free()));

        assertThat(ports).hasSize(2_000);
    }
}
