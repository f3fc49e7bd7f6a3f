package com.agentfactory.messaging.envelope;

import java.nio.charset.StandardCharsets;

/**
 * The largest envelope this service's producer can send as one Kafka record: its {@code max.request.size} (1 MiB
 * unless configured, measured before compression) less room for the record's key, headers and framing. A message
 * that does not fit is refused for good by the producer, so whoever makes one checks it here first and answers
 * the failure where it can still be reported, instead of leaving it in the outbox for the relay to dead-letter.
 *
 * @param maxRequestBytes the producer's {@code max.request.size}
 */
public record MessageSizeLimit(int maxRequestBytes) {

    /** Kafka's default {@code max.request.size}. */
    public static final int KAFKA_DEFAULT_MAX_REQUEST_BYTES = 1_048_576;

    /** Room for the record key (a UUID), the trace and delivery-attempt headers and Kafka's record framing. */
    static final int RECORD_OVERHEAD_BYTES = 4_096;

    public MessageSizeLimit {
        if (maxRequestBytes <= RECORD_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("max.request.size must be more than " + RECORD_OVERHEAD_BYTES);
        }
    }

    public static MessageSizeLimit kafkaDefault() {
        return new MessageSizeLimit(KAFKA_DEFAULT_MAX_REQUEST_BYTES);
    }

    /** The largest encoded envelope, in UTF-8 bytes, that fits in one record. */
    public int maxEnvelopeBytes() {
        return maxRequestBytes - RECORD_OVERHEAD_BYTES;
    }

    /** The envelope's size as it travels: its JSON in UTF-8. */
    public static int sizeOf(String encodedEnvelope) {
        return encodedEnvelope.getBytes(StandardCharsets.UTF_8).length;
    }

    public boolean fits(String encodedEnvelope) {
        // a UTF-8 character takes at most 3 bytes per UTF-16 char: most envelopes are measured without encoding
        return encodedEnvelope.length() * 3L <= maxEnvelopeBytes() || sizeOf(encodedEnvelope) <= maxEnvelopeBytes();
    }
}
