package com.agentfactory.supervisor.support;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads topics from the beginning in the background, keeping every envelope for assertions. */
public final class KafkaTopicReader implements AutoCloseable {

    private final List<MessageEnvelope> envelopes = new CopyOnWriteArrayList<>();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Thread thread;
    private volatile boolean running = true;

    public KafkaTopicReader(List<String> topics) {
        var consumer = com.agentfactory.messaging.testing.TestKafka.consumerFromBeginning(
                LocalInfrastructure.shared().kafkaBootstrapServers(), "test-reader");
        consumer.subscribe(topics);
        thread = Thread.ofPlatform().daemon(true).start(() -> {
            try (consumer) {
                while (running) {
                    try {
                        consumer.poll(Duration.ofMillis(100))
                                .forEach(record -> envelopes.add(codec.decode(record.value())));
                    } catch (RuntimeException e) {
                        // the broker may be stopped by a fault test; keep polling until it returns
                    }
                }
            }
        });
    }

    public List<MessageEnvelope> envelopes() {
        return envelopes;
    }

    public List<MessageEnvelope> forTask(UUID taskId) {
        return envelopes.stream()
                .filter(e -> e.payload().context() != null
                        && taskId.toString()
                                .equals(e.payload().context().path("task_id").asString()))
                .toList();
    }

    public List<MessageEnvelope> withMessageId(UUID messageId) {
        return envelopes.stream().filter(e -> e.messageId().equals(messageId)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
