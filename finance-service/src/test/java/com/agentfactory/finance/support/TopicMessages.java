package com.agentfactory.finance.support;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.TestKafka;
import java.util.List;
import java.util.UUID;

/** Reads a whole topic from the beginning, as envelopes: what any subscriber would have received. */
public final class TopicMessages {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private TopicMessages() {}

    public static List<MessageEnvelope> read(String bootstrapServers, String topic) {
        return readValues(bootstrapServers, topic).stream().map(CODEC::decode).toList();
    }

    /** Every record value on the topic as written, readable as an envelope or not. */
    public static List<String> readValues(String bootstrapServers, String topic) {
        return TestKafka.readAll(bootstrapServers, topic);
    }

    public static List<MessageEnvelope> withMessageIds(String bootstrapServers, String topic, List<UUID> ids) {
        return read(bootstrapServers, topic).stream()
                .filter(envelope -> ids.contains(envelope.messageId()))
                .toList();
    }
}
