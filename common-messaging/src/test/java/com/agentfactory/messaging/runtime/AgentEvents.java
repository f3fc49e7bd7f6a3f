package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads agent.events in the background and keeps every envelope for the test to inspect. */
final class AgentEvents implements AutoCloseable {

    private final List<MessageEnvelope> received = new CopyOnWriteArrayList<>();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Thread reader;
    private volatile boolean running = true;

    AgentEvents(String bootstrapServers) {
        var consumer =
                com.agentfactory.messaging.testing.TestKafka.consumerFromBeginning(bootstrapServers, "test-events");
        consumer.subscribe(List.of(Topics.AGENT_EVENTS));
        reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> received.add(codec.decode(record.value())));
                }
            }
        });
    }

    List<TaskStatusChanged> statusesOf(UUID taskId) {
        return received.stream()
                .filter(envelope -> TaskStatusChanged.isStatusAction(envelope.action()))
                .map(envelope -> codec.fromTree(envelope.payload().data(), TaskStatusChanged.class))
                .filter(change -> change.taskId().equals(taskId))
                .toList();
    }

    List<MessageEnvelope> envelopesOf(UUID taskId) {
        return received.stream()
                .filter(envelope -> TaskStatusChanged.isStatusAction(envelope.action()))
                .filter(envelope -> codec.fromTree(envelope.payload().data(), TaskStatusChanged.class)
                        .taskId()
                        .equals(taskId))
                .toList();
    }

    List<AgentHeartbeat> heartbeats() {
        return received.stream()
                .filter(envelope -> AgentHeartbeat.ACTION.equals(envelope.action()))
                .map(envelope -> codec.fromTree(envelope.payload().data(), AgentHeartbeat.class))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
