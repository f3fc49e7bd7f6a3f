package com.agentfactory.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EnvelopeTraceInterceptorTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final EnvelopeTraceInterceptor interceptor = new EnvelopeTraceInterceptor();
    private final TraceContext stated = TraceContext.newTrace();

    private ProducerRecord<String, String> record(String traceparent) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(null, "test")
                .recipient(null, "test")
                .action("trace.test")
                .trace(stated)
                .build();
        var record = new ProducerRecord<>("topic", "key", codec.encode(envelope));
        if (traceparent != null) {
            record.headers().add(TraceContext.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    private static String traceparent(ProducerRecord<String, String> record) {
        return new String(
                record.headers().lastHeader(TraceContext.TRACEPARENT_HEADER).value(), StandardCharsets.US_ASCII);
    }

    @Test
    void replacesATraceparentOfAnotherTraceWithTheEnvelopes() {
        var sent = interceptor.onSend(record(TraceContext.newTrace().traceparent()));

        assertThat(traceparent(sent)).isEqualTo(stated.traceparent());
        assertThat(sent.headers().headers(TraceContext.TRACEPARENT_HEADER)).hasSize(1);
    }

    @Test
    void keepsTheProducerSpanOfTheEnvelopesTrace() {
        String producerSpan = stated.newChildSpan().traceparent();

        assertThat(traceparent(interceptor.onSend(record(producerSpan)))).isEqualTo(producerSpan);
    }

    @Test
    void addsTheEnvelopesTraceparentWhenTheRecordHasNone() {
        assertThat(traceparent(interceptor.onSend(record(null)))).isEqualTo(stated.traceparent());
    }

    @Test
    void leavesRecordsThatAreNoEnvelopesAlone() {
        var plain = new ProducerRecord<>("topic", "key", "{\"not\":\"an envelope\"}");

        assertThat(interceptor.onSend(plain).headers().lastHeader(TraceContext.TRACEPARENT_HEADER))
                .isNull();
    }
}
