package com.agentfactory.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTraceTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void keepsValidCorrelationId() {
        UUID incoming = UUID.randomUUID();

        assertThat(RequestTrace.from(incoming.toString(), null).correlationId()).isEqualTo(incoming);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "<script>"})
    void replacesMissingOrInvalidCorrelationId(String incoming) {
        UUID correlationId = RequestTrace.from(incoming, null).correlationId();

        assertThat(correlationId).isNotNull();
        assertThat(correlationId.toString()).isNotEqualTo(incoming);
    }

    @Test
    void continuesValidTraceWithNewSpan() {
        RequestTrace trace = RequestTrace.from(null, TRACEPARENT);

        assertThat(trace.incomingTraceValid()).isTrue();
        assertThat(trace.traceContext().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.traceContext().spanId())
                .isNotEqualTo("00f067aa0ba902b7")
                .hasSize(16);
        assertThat(trace.traceContext().traceparent()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"
            })
    void startsNewTraceWhenTraceparentIsMissingOrInvalid(String incoming) {
        RequestTrace trace = RequestTrace.from(null, incoming);

        assertThat(trace.incomingTraceValid()).isFalse();
        assertThat(trace.traceContext().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(trace.traceContext().traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
