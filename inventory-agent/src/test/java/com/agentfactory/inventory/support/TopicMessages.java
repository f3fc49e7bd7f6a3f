package com.agentfactory.inventory.support;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.TestKafka;
import java.util.List;

/** Reads a whole topic from the beginning, as envelopes: what any subscriber would have received. */
public final class TopicMessages {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private TopicMessages() {}

    public static List<MessageEnvelope> read(String bootstrapServers, String topic) {
        return TestKafka.readAll(bootstrapServers, topic).stream()
                .map(CODEC::decode)
                .toList();
    }
}
