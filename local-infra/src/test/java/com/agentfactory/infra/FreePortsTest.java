package com.agentfactory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void choosesDistinctPortsThatCanBeBound() throws Exception {
        int[] ports = FreePorts.distinct(16);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(16);
        for (int port : ports) {
            try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
