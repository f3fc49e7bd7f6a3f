package com.agentfactory.messaging.testing;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads what agents announced on agent.capabilities, as the supervisor does. */
public final class AnnouncedCapabilities {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private AnnouncedCapabilities() {}

    /** The latest announcement of {@code agentType}, read from the beginning of the topic. */
    public static Optional<AgentCapabilities> latest(String bootstrapServers, String agentType) {
        List<AgentCapabilities> found = new ArrayList<>();
        try (var consumer =
                TestKafka.consumerFromBeginning(bootstrapServers, "capabilities-reader-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(Topics.AGENT_CAPABILITIES));
            for (int polls = 0; polls < 10; polls++) {
                consumer.poll(Duration.ofMillis(300))
                        .forEach(record -> found.add(CODEC.fromTree(
                                CODEC.decode(record.value()).payload().data(), AgentCapabilities.class)));
            }
        }
        return found.stream()
                .filter(capabilities -> capabilities.agentType().equals(agentType))
                .reduce((earlier, later) -> later);
    }
}
