package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.registry.AgentRegistryService;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Follows agent.events: task reports move the lifecycle, heartbeats refresh liveness. Reports are consumed a
 * poll at a time and applied in one transaction with their claims (idempotent on message id): one commit for a
 * batch instead of one per report, which is what keeps the lifecycle cheap when thousands of tasks a second
 * come back. An unreadable message goes to agent.events.dlt; the readable ones before it are applied first.
 */
@Component
class AgentEventsListener {

    private static final String CONSUMER = "supervisor-lifecycle";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final TaskLifecycleService lifecycle;
    private final AgentRegistryService registry;

    AgentEventsListener(
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            TaskLifecycleService lifecycle,
            AgentRegistryService registry) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.lifecycle = lifecycle;
        this.registry = registry;
    }

    @KafkaListener(
            topics = Topics.AGENT_EVENTS,
            groupId = "supervisor",
            batch = "true",
            concurrency = "${agentfactory.lifecycle.concurrency:3}")
    void onAgentEvents(List<ConsumerRecord<String, String>> records) {
        List<Report> reports = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                MessageEnvelope envelope = codec.decode(records.get(i).value());
                if (AgentHeartbeat.ACTION.equals(envelope.action())) {
                    // heartbeats only refresh a timestamp: applying one twice is harmless, so no claim is kept
                    registry.recordHeartbeat(codec.fromTree(envelope.payload().data(), AgentHeartbeat.class));
                } else if (TaskStatusChanged.isStatusAction(envelope.action())) {
                    reports.add(new Report(
                            envelope.messageId(),
                            codec.fromTree(envelope.payload().data(), TaskStatusChanged.class)));
                }
            } catch (RuntimeException unreadable) {
                apply(reports);
                throw new BatchListenerFailedException("unreadable agent event", unreadable, i);
            }
        }
        apply(reports);
    }

    private void apply(List<Report> reports) {
        idempotent.runOnceEach(
                reports,
                Report::messageId,
                CONSUMER,
                fresh -> lifecycle.applyReports(
                        fresh.stream().map(Report::change).toList()));
    }

    private record Report(UUID messageId, TaskStatusChanged change) {}
}
