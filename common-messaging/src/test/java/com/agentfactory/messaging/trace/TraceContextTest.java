package com.agentfactory.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceContextTest {

    @Test
    void parsesAndFormatsW3cTraceparent() {
        TraceContext trace = TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void startsANewTraceWhenTheHeaderIsMalformed() {
        TraceContext trace = TraceContext.fromTraceparent("garbage");

        assertThat(trace.traceId()).matches("[0-9a-f]{32}");
        assertThat(trace.spanId()).matches("[0-9a-f]{16}");
    }

    @Test
    void continuesOnlyWellFormedTraceIds() {
        String valid = "4bf92f3577b34da6a3ce929d0e0e4736";

        assertThat(TraceContext.continueFrom(valid, null).traceId()).isEqualTo(valid);
        for (String invalid : new String[] {
            null, "", valid.toUpperCase(), valid.substring(1), valid + "0", "g" + valid.substring(1), "0".repeat(32)
        }) {
            assertThat(TraceContext.continueFrom(invalid, null).traceId())
                    .as("trace id %s", invalid)
                    .isNotEqualTo(invalid)
                    .matches("[0-9a-f]{32}");
        }
    }

    @Test
    void aChildSpanKeepsTheTraceId() {
        TraceContext parent = TraceContext.newTrace();

        TraceContext child = parent.newChildSpan();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId());
    }

    @Test
    void scopePutsIdsInTheLoggingContextAndRestoresThePreviousOnes() {
        MDC.put(TraceContext.MDC_TRACE_ID, "outer");
        TraceContext trace = TraceContext.newTrace();

        try (var ignored = trace.openScope()) {
            assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isEqualTo(trace.traceId());
            assertThat(TraceContext.currentOrNew().traceId()).isEqualTo(trace.traceId());
        }

        assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isEqualTo("outer");
        MDC.clear();
    }

    @Test
    void findsTheTraceparentInAnEncodedEnvelopeWithoutDecodingIt() {
        var codec = new com.agentfactory.messaging.envelope.EnvelopeCodec();
        TraceContext trace = TraceContext.newTrace();
        var envelope = com.agentfactory.messaging.envelope.MessageEnvelope.builder()
                .sender(null, "test")
                .recipient(null, "test")
                .action("trace.test")
                .trace(trace)
                .build();

        assertThat(TraceContext.traceparentOfEnvelopeJson(codec.encode(envelope)))
                .isEqualTo(trace.traceparent());
        assertThat(TraceContext.traceparentOfEnvelopeJson("{\"metadata\":{\"trace_id\":\"not-hex\"}}"))
                .isNull();
        assertThat(TraceContext.traceparentOfEnvelopeJson("{}")).isNull();
    }

    @Test
    void joinsTheActiveSpanOfTheSameTraceAndOtherwiseContinuesTheMessagesTrace() {
        TraceContext active = TraceContext.newTrace();
        TraceContext other = TraceContext.newTrace();
        try (var ignored = active.openScope()) {
            assertThat(TraceContext.current()).contains(active);
            assertThat(TraceContext.joinOrContinue(active.traceId(), "00f067aa0ba902b7"))
                    .isEqualTo(active);
            TraceContext continued = TraceContext.joinOrContinue(other.traceId(), other.spanId());
            assertThat(continued.traceId()).isEqualTo(other.traceId());
            assertThat(continued.spanId()).isNotEqualTo(active.spanId());
        }
        assertThat(TraceContext.current()).isEmpty();
    }
}
