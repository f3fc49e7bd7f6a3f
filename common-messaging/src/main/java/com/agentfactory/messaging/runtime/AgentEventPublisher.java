package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private final MessageSizeLimit sizeLimit;
    private final Clock clock;

    AgentEventPublisher(
            KafkaTemplate<String, String> kafka,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            String agentId,
            String agentType,
            String instanceId,
            MessageSizeLimit sizeLimit,
            Clock clock) {
        this.kafka = kafka;
        this.sizeLimit = sizeLimit;
        this.clock = clock;
        this.outbox = outbox;
        this.codec = codec;
        this.agentId = agentId;
        this.agentType = agentType;
        this.instanceId = instanceId;
    }

    void progress(AgentTask task, ReportedTaskStatus status, Integer percent) {
        MessageEnvelope envelope = envelope(task, status, percent, null, null, null, null);
        send(task.taskId().toString(), envelope);
    }

    // terminal states: each must run inside the transaction that claims the task message

    /** Refuses (throws) an output whose report could never leave the outbox, before it is written there. */
    void completed(AgentTask task, JsonNode output) {
        MessageEnvelope envelope = envelope(task, ReportedTaskStatus.COMPLETED, 100, output, null, null, null);
        String encoded = codec.encode(envelope);
        if (!sizeLimit.fits(encoded)) {
            throw new TaskOutputTooLargeException(MessageSizeLimit.sizeOf(encoded), sizeLimit.maxEnvelopeBytes());
        }
        terminal(task, envelope);
    }

    void failed(AgentTask task, FailureKind kind, String error, List<FieldErrorDetail> errors) {
        terminal(task, envelope(task, ReportedTaskStatus.FAILED, null, null, error, kind, errors));
    }

    void expired(AgentTask task, String reason) {
        terminal(task, envelope(task, ReportedTaskStatus.EXPIRED, null, null, reason, null, null));
    }

    private void terminal(AgentTask task, MessageEnvelope envelope) {
        outbox.append(Topics.AGENT_EVENTS, task.taskId().toString(), envelope);
    }

    /** The agent's task types, kept on the compacted capabilities topic; the future completes once the broker has it. */
    CompletableFuture<?> announce(AgentCapabilities capabilities) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(AgentCapabilities.ACTION)
                .data(codec.toTree(capabilities))
                .build();
        return kafka.send(Topics.AGENT_CAPABILITIES, agentType, codec.encode(envelope));
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
            AgentTask task,
            ReportedTaskStatus status,
            Integer percent,
            JsonNode output,
            String error,
            FailureKind failure,
            List<FieldErrorDetail> errors) {
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
                clock.instant(),
                failure,
                errors == null ? List.of() : errors);
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
