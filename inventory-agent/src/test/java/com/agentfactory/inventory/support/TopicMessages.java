package com.agentfactory.inventory.support;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic from the beginning, as envelopes: what any subscriber would have received. */
public final class TopicMessages {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private TopicMessages() {}

    public static List<MessageEnvelope> read(String bootstrapServers, String topic) {
        List<MessageEnvelope> envelopes = new ArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(bootstrapServers, "inventory-test")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> envelopes.add(CODEC.decode(record.value())));
            }
        }
        return envelopes;
    }
}
