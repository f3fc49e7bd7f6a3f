package com.agentfactory.messaging.trace;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Keeps a record's {@code traceparent} header in the trace its envelope states. The envelope's trace is the one
 * the platform follows; a send made outside any span (a scheduled job, a test, a late relay) gets a fresh trace
 * from the producer observation, which would send the consumer into a different trace than the message's. Such a
 * header is replaced by the envelope's; a header already in the envelope's trace (the producer span of a send made
 * inside the request) is kept.
 */
public class EnvelopeTraceInterceptor implements ProducerInterceptor<String, String> {

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        String stated = TraceContext.traceparentOfEnvelopeJson(record.value());
        if (stated == null) {
            return record;
        }
        Header header = record.headers().lastHeader(TraceContext.TRACEPARENT_HEADER);
        String carried = header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
        if (carried == null || !sameTrace(carried, stated)) {
            record.headers().remove(TraceContext.TRACEPARENT_HEADER);
            record.headers().add(TraceContext.TRACEPARENT_HEADER, stated.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    // traceparent: version (2) - trace id (32) - span id (16) - flags (2); the trace id starts at index 3
    private static boolean sameTrace(String carried, String stated) {
        return carried.length() >= 35 && carried.regionMatches(3, stated, 3, 32);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
