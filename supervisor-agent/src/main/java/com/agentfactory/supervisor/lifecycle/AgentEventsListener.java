package com.agentfactory.supervisor.lifecycle;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import com.agentfactory.supervisor.registry.AgentInstanceRepository;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows agent.events: task reports move the lifecycle, heartbeats refresh liveness. Each message is
 * applied once (idempotent on its message id) in the same transaction as its effect; an unreadable one goes to
 * agent.events.dlt.
 */
@Component
class AgentEventsListener {

    private static final String CONSUMER = "supervisor-lifecycle";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final TaskLifecycleService lifecycle;
    private final AgentInstanceRepository instances;

    AgentEventsListener(
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            TaskLifecycleService lifecycle,
            AgentInstanceRepository instances) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.lifecycle = lifecycle;
        this.instances = instances;
    }

    @KafkaListener(
            topics = Topics.AGENT_EVENTS,
            groupId = "supervisor",
            concurrency = "${agentfactory.lifecycle.concurrency:3}")
    void onAgentEvent(ConsumerRecord<String, String> record) {
        MessageEnvelope envelope = codec.decode(record.value());
        try (var ignored = TraceContext.continueFrom(
                        envelope.metadata().traceId(), envelope.metadata().spanId())
                .openScope()) {
            if (AgentHeartbeat.ACTION.equals(envelope.action())) {
                // heartbeats only refresh a timestamp: applying one twice is harmless, so no claim is kept
                instances.record(codec.fromTree(envelope.payload().data(), AgentHeartbeat.class));
            } else if (TaskStatusChanged.isStatusAction(envelope.action())) {
                TaskStatusChanged report = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                idempotent.runOnce(envelope.messageId(), CONSUMER, () -> lifecycle.applyReport(report));
            }
        }
    }
}
