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

    @Test
    void aFreshIdTargetAsksAboutSomeoneNewInEveryRequest() {
        LoadTarget target = LoadTarget.getWithFreshId(
                "uncached", "http://127.0.0.1:8080/api/v1/recommendations/users/" + LoadTarget.FRESH_ID, Map.of());

        String first = new String(target.nextRequest(), StandardCharsets.US_ASCII);
        String second = new String(target.nextRequest(), StandardCharsets.US_ASCII);

        assertThat(first).matches("GET /api/v1/recommendations/users/[0-9a-f-]{36} HTTP/1\\.1\r\n(?s).*");
        assertThat(first).isNotEqualTo(second).doesNotContain(LoadTarget.FRESH_ID);
        assertThat(first).hasSameSizeAs(second);
    }

    @Test
    void aFixedTargetSendsTheSameBytesEveryTime() {
        LoadTarget target = LoadTarget.get("stock", "http://127.0.0.1:8085/api/v1/inventory/stock/A1", Map.of());

        assertThat(target.nextRequest()).isSameAs(target.request());
    }
}
