package com.agentfactory.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a topic has been written and how far a service's consumer group has read it, asked of the broker: a
 * service has taken in what was published once its group's committed offsets reach the topic's end.
 */
final class ConsumerProgress implements AutoCloseable {

    private final Admin admin;

    ConsumerProgress(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records written to the topic so far, over all its partitions. */
    long written(String topic) throws InterruptedException, ExecutionException {
        return sum(endOffsets(topic));
    }

    /**
     * Whether the topic holds at least {@code records} records and the group has committed every partition up to its
     * end: one look at the end offsets serves both, so the count and the check agree.
     */
    boolean hasRead(String group, String topic, long records) throws InterruptedException, ExecutionException {
        Map<TopicPartition, ListOffsetsResultInfo> ends = endOffsets(topic);
        if (sum(ends) < records) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata read = committed.get(end.getKey());
            long offset = read == null ? 0 : read.offset();
            return offset >= end.getValue().offset();
        });
    }

    private static long sum(Map<TopicPartition, ListOffsetsResultInfo> offsets) {
        return offsets.values().stream()
                .mapToLong(ListOffsetsResultInfo::offset)
                .sum();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> endOffsets(String topic)
            throws InterruptedException, ExecutionException {
        Set<TopicPartition> partitions =
                admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(partition -> new TopicPartition(topic, partition.partition()))
                        .collect(Collectors.toSet());
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
