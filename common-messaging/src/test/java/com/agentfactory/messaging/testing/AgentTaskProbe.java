package com.agentfactory.messaging.testing;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Plays the supervisor towards one agent over real Kafka: sends a task envelope to the agent's topic and
 * waits for the agent's terminal report on agent.events. Shared by the agent modules' tests.
 */
public final class AgentTaskProbe {

    private final String bootstrapServers;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public AgentTaskProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends the task and returns the agent's terminal report, or empty when none came within the timeout. */
    public Optional<TaskStatusChanged> run(String agentType, String taskType, JsonNode input, Duration timeout) {
        return run(agentType, taskType, input, "agent-task-probe", timeout);
    }

    /** As {@link #run(String, String, JsonNode, Duration)}, with the requester the supervisor would have recorded. */
    public Optional<TaskStatusChanged> run(
            String agentType, String taskType, JsonNode input, String requestedBy, Duration timeout) {
        UUID taskId = UUID.randomUUID();
        MessageEnvelope task = MessageEnvelope.builder()
                .priority(Priority.DEFAULT)
                .sender(null, "supervisor")
                .recipient(null, agentType)
                .action(taskType)
                .data(input)
                .context(codec.toTree(new TaskDispatch(taskId, null, requestedBy)))
                .build();
        try (var consumer = TestKafka.consumerFromBeginning(bootstrapServers, "probe");
                var producer = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            consumer.subscribe(List.of(Topics.AGENT_EVENTS));
            producer.send(new ProducerRecord<>(
                            Topics.agentTasks(agentType, Priority.bandOf(Priority.DEFAULT)),
                            taskId.toString(),
                            codec.encode(task)))
                    .get();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    MessageEnvelope envelope = codec.decode(record.value());
                    if (!TaskStatusChanged.isStatusAction(envelope.action())) {
                        continue;
                    }
                    var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                    if (change.taskId().equals(taskId) && change.status().isTerminal()) {
                        return Optional.of(change);
                    }
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not send the task: " + e.getMessage(), e);
        }
    }

    public JsonNode emptyInput() {
        return codec.mapper().createObjectNode();
    }
}
