package com.agentfactory.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that reach a kept-alive connection while the previous answer on it is still finishing, as a pipelining
 * client sends them, and as any client or proxy reusing a connection sends them by chance when an answer written
 * from another thread reaches it before the server has finished with the request.
 */
class PipelinedRequestsIT extends GatewayIntegrationTest {

    private static final String AUDIT = "/api/v1/auth/audit?type=NOT_A_KNOWN_TYPE";
    // far above any answer here, far below the half minute after which the server read a stalled connection again
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    @Test
    void keepsReadingTheConnectionAfterAnsweringAQueuedRequestAtOnce() throws Exception {
        // The window is a race, so the test runs it with several new callers.
        for (int attempt = 0; attempt < 10; attempt++) {
            // A caller new to the gateway: its first request waits for a grant from Redis, answered on another thread
            String newCaller = users.admin().bearer();

            try (RawHttpConnection connection = new RawHttpConnection(port, PROMPTLY)) {
                // Anonymous callers from this address now spend from a rate-limit lease the gateway holds for a
                // moment: answered on the connection's own thread, at once.
                for (int i = 0; i < 3; i++) {
                    connection.send(request(AUDIT, null));
                    assertThat(connection.read().status()).isEqualTo(401);
                }

                connection.send(request(AUDIT, newCaller) + request(AUDIT, null));
                assertThat(connection.read().status()).isEqualTo(400);
                assertThat(connection.read().status()).isEqualTo(401);

                // Reactor Netty before 1.3.9 stopped reading from the connection after answering the queued request
                // at once: this request waited half a minute, or for the client's timeout
                connection.send(request(AUDIT, newCaller));
                assertThat(connection.read().status()).isEqualTo(400);
            }
        }
    }

    private static String request(String target, String authorization) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "\r\n";
    }
}
