package dev.panorama.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.RepeatedTest;

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
}
