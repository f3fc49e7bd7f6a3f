package com.agentfactory.supervisor.support;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Speaks on agent.events the way the agent runtime does, so lifecycle tests can drive a task step by step. */
public final class AgentReports {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public AgentReports(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public MessageEnvelope report(
            UUID taskId, String agentType, ReportedTaskStatus status, JsonNode output, String error, int attempt) {
        return report(taskId, agentType, status, output, error, attempt, null, List.of());
    }

    /** A FAILED report saying why, with the input fields at fault, as the runtime sends it. */
    public MessageEnvelope failed(
            UUID taskId, String agentType, String error, FailureKind failure, List<FieldErrorDetail> errors) {
        return report(taskId, agentType, ReportedTaskStatus.FAILED, null, error, 1, failure, errors);
    }

    private MessageEnvelope report(
            UUID taskId,
            String agentType,
            ReportedTaskStatus status,
            JsonNode output,
            String error,
            int attempt,
            FailureKind failure,
            List<FieldErrorDetail> errors) {
        MessageEnvelope envelope = envelopeOf(taskId, null, agentType, status, output, error, attempt, failure, errors);
        send(taskId.toString(), envelope);
        return envelope;
    }

    /** A report as the runtime sends it, not sent: for {@link #sendAll}. */
    public MessageEnvelope reportOf(
            UUID taskId, String agentType, ReportedTaskStatus status, JsonNode output, String error, int attempt) {
        return envelopeOf(taskId, null, agentType, status, output, error, attempt, null, List.of());
    }

    /**
     * A report on one dispatch of the task (the message id of the task message it is about), as the runtime names it;
     * not sent: for {@link #sendAll}.
     */
    public MessageEnvelope reportOn(
            UUID dispatchId,
            UUID taskId,
            String agentType,
            ReportedTaskStatus status,
            JsonNode output,
            String error,
            int attempt) {
        return envelopeOf(taskId, dispatchId, agentType, status, output, error, attempt, null, List.of());
    }

    /** A FAILED report on one dispatch of the task, its retries exhausted; not sent: for {@link #sendAll}. */
    public MessageEnvelope retriesExhaustedOn(UUID dispatchId, UUID taskId, String agentType, String error) {
        return envelopeOf(
                taskId,
                dispatchId,
                agentType,
                ReportedTaskStatus.FAILED,
                null,
                error,
                3,
                FailureKind.RETRIES_EXHAUSTED,
                List.of());
    }

    /** A report saying nothing of its status, as no runtime should send it. */
    public MessageEnvelope reportWithoutStatus(UUID taskId, String agentType) {
        MessageEnvelope complete = reportOf(taskId, agentType, ReportedTaskStatus.COMPLETED, null, null, 1);
        var data = complete.payload().data().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) data).remove("status");
        return MessageEnvelope.builder()
                .sender(AgentIds.forType(agentType).toString(), agentType)
                .recipient(null, "supervisor")
                .action(ReportedTaskStatus.COMPLETED.action())
                .data(data)
                .build();
    }

    /** The report in the message as the supervisor reads it off agent.events, for applying it without Kafka. */
    public TaskStatusChanged asRead(MessageEnvelope envelope) {
        return codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
    }

    /** These messages under one key, so on one partition and in this order. */
    public void sendAll(String key, List<MessageEnvelope> envelopes) {
        envelopes.forEach(envelope -> send(key, envelope));
    }

    private MessageEnvelope envelopeOf(
            UUID taskId,
            UUID dispatchId,
            String agentType,
            ReportedTaskStatus status,
            JsonNode output,
            String error,
            int attempt,
            FailureKind failure,
            List<FieldErrorDetail> errors) {
        TaskStatusChanged change = new TaskStatusChanged(
                taskId,
                "task",
                status,
                AgentIds.forType(agentType).toString(),
                agentType,
                agentType + "-test-instance",
                status == ReportedTaskStatus.COMPLETED ? 100 : 10,
                output,
                error,
                attempt,
                Instant.now(),
                failure,
                errors,
                dispatchId);
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(AgentIds.forType(agentType).toString(), agentType)
                .recipient(null, "supervisor")
                .action(status.action())
                .data(codec.toTree(change))
                .build();
        return envelope;
    }

    public void send(String key, MessageEnvelope envelope) {
        kafka.send(Topics.AGENT_EVENTS, key, codec.encode(envelope)).join();
    }

    public void heartbeat(String agentType, String instanceId) {
        heartbeat(agentType, instanceId, Instant.now());
    }

    /** A heartbeat sent at {@code at}, as one from an instance that has since stopped would have been. */
    public void heartbeat(String agentType, String instanceId, Instant at) {
        var heartbeat = new AgentHeartbeat(
                AgentIds.forType(agentType).toString(),
                agentType,
                instanceId,
                List.of("health-check"),
                0,
                at.minusSeconds(60),
                at);
        send(
                instanceId,
                MessageEnvelope.builder()
                        .sender(heartbeat.agentId(), agentType)
                        .recipient(null, "supervisor")
                        .action(AgentHeartbeat.ACTION)
                        .data(codec.toTree(heartbeat))
                        .build());
    }
}
