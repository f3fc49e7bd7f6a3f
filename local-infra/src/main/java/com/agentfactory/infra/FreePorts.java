package com.agentfactory.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports on loopback that nothing listens on, for the servers this project starts. */
public final class FreePorts {

    private FreePorts() {}

    /** One port free now. */
    public static int find() {
        return distinct(1)[0];
    }

    /**
     * Ports free now and distinct: each is held open while the next is chosen, since a port closed before the next
     * is asked for may be handed out again (a benchmark run once started the supervisor and the ad agent on one).
     */
    public static int[] distinct(int count) {
        List<Integer> ports = new ArrayList<>();
        try {
            holdOpen(count, ports);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void holdOpen(int remaining, List<Integer> ports) throws IOException {
        if (remaining == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ports.add(socket.getLocalPort());
            holdOpen(remaining - 1, ports);
        }
    }
}
