package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.capability.CapabilityService;
import com.agentfactory.supervisor.registry.AgentRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows agent.capabilities, the compacted topic where each agent type announces its task types. Every
 * supervisor instance reads the whole topic from the start under a group of its own, so each keeps its
 * in-memory catalog current; the table behind it makes the catalog available before the topic is read.
 * Announcements of agent types the registry does not configure are ignored.
 */
@Component
class AgentCapabilitiesListener {

    private static final Logger log = LoggerFactory.getLogger(AgentCapabilitiesListener.class);

    private final EnvelopeCodec codec;
    private final CapabilityService capabilities;
    private final AgentRegistry registry;

    AgentCapabilitiesListener(EnvelopeCodec codec, CapabilityService capabilities, AgentRegistry registry) {
        this.codec = codec;
        this.capabilities = capabilities;
        this.registry = registry;
    }

    @KafkaListener(
            topics = Topics.AGENT_CAPABILITIES,
            groupId = "supervisor-capabilities-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void onAnnouncement(ConsumerRecord<String, String> record) {
        var received = codec.read(record.value(), AgentCapabilities.ACTION, AgentCapabilities.class);
        if (received.isEmpty()) {
            return;
        }
        AgentCapabilities announced = received.get().payload();
        if (registry.byType(announced.agentType()).isEmpty()) {
            log.warn("Ignored the task types announced by {}: no such agent is configured", announced.agentType());
            return;
        }
        capabilities.announce(announced);
    }
}
