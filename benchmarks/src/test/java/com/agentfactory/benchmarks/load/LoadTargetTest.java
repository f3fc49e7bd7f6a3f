package com.agentfactory.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadTargetTest {

    @Test
    void preparesAPostWithItsBodyLengthAndHeaders() {
        LoadTarget target = LoadTarget.post(
                "tasks", "http://127.0.0.1:8081/api/v1/agents/tasks", "{\"a\":1}", Map.of("Authorization", "Bearer t"));

        assertThat(new String(target.request(), StandardCharsets.US_ASCII))
                .isEqualTo("POST /api/v1/agents/tasks HTTP/1.1\r\nHost: 127.0.0.1:8081\r\n"
                        + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: 7\r\n"
                        + "Authorization: Bearer t\r\n\r\n{\"a\":1}");
        assertThat(target.port()).isEqualTo(8081);
    }

    @Test
    void preparesAGetWithoutABody() {
        LoadTarget target = LoadTarget.get("stock", "http://127.0.0.1:8085/api/v1/inventory/stock/A1", Map.of());

        assertThat(new String(target.request(), StandardCharsets.US_ASCII))
                .isEqualTo("GET /api/v1/inventory/stock/A1 HTTP/1.1\r\nHost: 127.0.0.1:8085\r\n"
                        + "Accept: application/json\r\n\r\n");
        assertThat(target.tasksPerRequest()).isEqualTo(1);
    }
}
