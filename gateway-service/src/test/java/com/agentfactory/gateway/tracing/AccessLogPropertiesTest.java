package com.agentfactory.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessLogPropertiesTest {

    private static final long FAST = Duration.ofMillis(3).toNanos();
    private final AccessLogProperties selective = new AccessLogProperties(false, Duration.ofSeconds(1));

    @Test
    void leavesFastSuccessfulRequestsOut() {
        assertThat(selective.logs(201, FAST)).isFalse();
        assertThat(selective.logs(302, FAST)).isFalse();
    }

    @Test
    void logsRefusalsAndFailuresHoweverFast() {
        assertThat(selective.logs(401, FAST)).isTrue();
        assertThat(selective.logs(429, FAST)).isTrue();
        assertThat(selective.logs(503, FAST)).isTrue();
    }

    @Test
    void logsSlowRequestsAndRequestsWithoutAStatus() {
        assertThat(selective.logs(200, Duration.ofSeconds(1).toNanos())).isTrue();
        assertThat(selective.logs(null, FAST)).isTrue();
    }

    @Test
    void logsEveryRequestWhenAskedTo() {
        assertThat(new AccessLogProperties(true, Duration.ofSeconds(1)).logs(200, FAST))
                .isTrue();
    }
}
