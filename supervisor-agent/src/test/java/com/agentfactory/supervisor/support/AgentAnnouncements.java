package com.agentfactory.supervisor.support;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.kafka.core.KafkaTemplate;

/** Announces task types on agent.capabilities the way the agent runtime does, and waits until the supervisor knows them. */
public final class AgentAnnouncements {

    private final KafkaTemplate<String, String> kafka;
    private final Api api;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public AgentAnnouncements(KafkaTemplate<String, String> kafka, Api api) {
        this.kafka = kafka;
        this.api = api;
    }

    /** Every test agent type's usual announcement, applied. */
    public void announceAll() {
        CapabilitiesMother.TASK_TYPES.keySet().forEach(agentType -> send(CapabilitiesMother.of(agentType)));
        CapabilitiesMother.TASK_TYPES.keySet().forEach(agentType -> awaitKnown(CapabilitiesMother.of(agentType)));
    }

    /** Publishes the announcement and waits until the supervisor lists exactly its task types for the agent type. */
    public void announce(AgentCapabilities capabilities) {
        send(capabilities);
        awaitKnown(capabilities);
    }

    private void send(AgentCapabilities capabilities) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(capabilities.agentId(), capabilities.agentType())
                .recipient(null, "supervisor")
                .action(AgentCapabilities.ACTION)
                .data(codec.toTree(capabilities))
                .build();
        kafka.send(Topics.AGENT_CAPABILITIES, capabilities.agentType(), codec.encode(envelope))
                .join();
    }

    private void awaitKnown(AgentCapabilities capabilities) {
        List<String> expected = capabilities.taskTypes().stream()
                .map(TaskTypeDescriptor::taskType)
                .sorted()
                .toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/agents/task-types?agent_type=" + capabilities.agentType())
                        .body()
                        .valueStream()
                        .map(taskType -> taskType.path("task_type").asString())
                        .toList()
                        .equals(expected));
    }
}
