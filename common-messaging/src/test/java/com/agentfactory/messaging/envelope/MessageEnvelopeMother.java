package com.agentfactory.messaging.envelope;

import java.util.Map;
import java.util.UUID;

/** Test envelopes with sensible defaults. */
public final class MessageEnvelopeMother {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private MessageEnvelopeMother() {}

    public static MessageEnvelope task(String taskType) {
        return MessageEnvelope.builder()
                .sender(UUID.randomUUID().toString(), "supervisor")
                .recipient(null, "support")
                .action(taskType)
                .data(CODEC.toTree(Map.of("echo", "hello")))
                .context(CODEC.toTree(Map.of("task_id", UUID.randomUUID().toString())))
                .build();
    }
}
