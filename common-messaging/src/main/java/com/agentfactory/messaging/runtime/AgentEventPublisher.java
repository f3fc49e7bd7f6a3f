package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reports task states on agent.events. Terminal states go through the outbox inside the handling
 * transaction, so they are never lost; ASSIGNED, RUNNING and heartbeats are progress signals sent
 * straight to Kafka, where a lost one only delays what the supervisor shows.
 */
final class AgentEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(AgentEventPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final String agentId;
    private final String agentType;
    private final String instanceId;

    AgentEventPublisher(
            KafkaTemplate<String, String> kafka,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            String agentId,
            String agentType,
            String instanceId) {
        this.kafka = kafka;
        this.outbox = outbox;
        this.codec = codec;
        this.agentId = agentId;
        this.agentType = agentType;
        this.instanceId = instanceId;
    }

    void progress(AgentTask task, ReportedTaskStatus status, Integer percent) {
        MessageEnvelope envelope = envelope(task, status, percent, null, null);
        send(task.taskId().toString(), envelope);
    }

    /** Must run inside the transaction that claims the task message. */
    void terminal(AgentTask task, ReportedTaskStatus status, JsonNode output, String error) {
        MessageEnvelope envelope =
                envelope(task, status, status == ReportedTaskStatus.COMPLETED ? 100 : null, output, error);
        outbox.append(Topics.AGENT_EVENTS, task.taskId().toString(), envelope);
    }

    void heartbeat(AgentHeartbeat heartbeat) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(AgentHeartbeat.ACTION)
                .data(codec.toTree(heartbeat))
                .build();
        send(agentId, envelope);
    }

    private MessageEnvelope envelope(
            AgentTask task, ReportedTaskStatus status, Integer percent, JsonNode output, String error) {
        TaskStatusChanged change = new TaskStatusChanged(
                task.taskId(),
                task.taskType(),
                status,
                agentId,
                agentType,
                instanceId,
                percent,
                output,
                error,
                task.attempt(),
                Instant.now());
        return MessageEnvelope.builder()
                .correlationId(task.correlationId())
                .priority(task.priority())
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(status.action())
                .data(codec.toTree(change))
                .trace(TraceContext.currentOrNew())
                .build();
    }

    private void send(String key, MessageEnvelope envelope) {
        var record = new ProducerRecord<>(Topics.AGENT_EVENTS, key, codec.encode(envelope));
        record.headers()
                .add(
                        TraceContext.TRACEPARENT_HEADER,
                        new TraceContext(
                                        envelope.metadata().traceId(),
                                        envelope.metadata().spanId())
                                .traceparent()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kafka.send(record).whenComplete((result, failure) -> {
            if (failure != null) {
                log.debug("Progress signal {} not delivered: {}", envelope.action(), failure.getMessage());
            }
        });
    }
}
