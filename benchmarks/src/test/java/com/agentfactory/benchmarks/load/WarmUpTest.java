package com.agentfactory.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void isNotSteadyWhileThroughputStillClimbs() {
        assertThat(WarmUp.isSteady(List.of(200.0), 0.1)).isFalse();
        assertThat(WarmUp.isSteady(List.of(200.0, 450.0), 0.1)).isFalse();
        assertThat(WarmUp.isSteady(List.of(200.0, 450.0, 800.0), 0.1)).isFalse();
        // two slices that agree early in the climb are not yet the plateau
        assertThat(WarmUp.isSteady(List.of(33.0, 54.0, 50.0), 0.1)).isFalse();
    }

    @Test
    void isSteadyOnceTwoSlicesInARowAgreeAtTheBestLevel() {
        assertThat(WarmUp.isSteady(List.of(200.0, 450.0, 800.0, 840.0, 820.0), 0.1))
                .isTrue();
        assertThat(WarmUp.isSteady(List.of(900.0, 950.0, 930.0), 0.1)).isTrue();
    }

    @Test
    void aDipAfterAPeakIsNotThePlateau() {
        assertThat(WarmUp.isSteady(List.of(200.0, 1000.0, 600.0, 620.0, 610.0), 0.1))
                .isFalse();
    }

    @Test
    void nothingAnsweredIsNeverSteady() {
        assertThat(WarmUp.isSteady(List.of(0.0, 0.0, 0.0), 0.1)).isFalse();
    }

    @Test
    void warmsARealServerUntilSteadyAndKeepsEverySlice() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try {
            LoadTarget target = LoadTarget.post(
                    "hello", "http://127.0.0.1:" + server.getAddress().getPort() + "/hello", "{}", Map.of(), 1);

            // a tolerance any two answered slices meet: steady at the third slice with two answered
            // (the very first may answer nothing on a busy machine while the client and server start)
            Duration slice = Duration.ofMillis(500);
            WarmUp.Result result = WarmUp.untilSteady(target, 2, slice, Duration.ofSeconds(20), 1.0);

            assertThat(result.steady()).isTrue();
            assertThat(result.sliceThroughputs()).hasSizeGreaterThanOrEqualTo(WarmUp.STEADY_SLICES);
            assertThat(result.last()).isPositive();
            assertThat(result.length(slice))
                    .isEqualTo(slice.multipliedBy(result.sliceThroughputs().size()));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void stopsAtTheCapWhenNothingSettles() {
        // nothing listens on this port: every slice counts 0 req/s, which is never steady
        LoadTarget target = LoadTarget.post("nobody", "http://127.0.0.1:1/x", "{}", Map.of(), 1);

        WarmUp.Result result = WarmUp.untilSteady(target, 1, Duration.ofMillis(100), Duration.ofMillis(300), 0.1);

        assertThat(result.steady()).isFalse();
        assertThat(result.sliceThroughputs()).hasSize(3).containsOnly(0.0);
    }
}
