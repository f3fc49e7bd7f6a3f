package com.agentfactory.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.AgentContract;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.AnnouncedCapabilities;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.node.ObjectNode;

class RecommendationAgentIT extends AgentContract {

    private static final String AGENT = "recommendation";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    RecommendationAgentIT() {
        super(
                AGENT,
                "recommend-products",
                "similar-products",
                "frequently-bought-together",
                "upsell-products",
                "cross-sell-products",
                "abandoned-cart-recovery",
                "batch-recommendations",
                "retrain-recommendation-models");
    }

    @Test
    void announcesTheBatchLimitInTheSchema() {
        await().atMost(WAIT).until(() -> latestCapabilities().isPresent());

        AgentCapabilities capabilities = latestCapabilities().orElseThrow();

        TaskTypeDescriptor batch = capabilities.taskTypes().stream()
                .filter(type -> type.taskType().equals("batch-recommendations"))
                .findFirst()
                .orElseThrow();
        // as many users as fit one answer at the default limit of 10
        assertThat(batch.inputSchema().at("/properties/user_ids/maxItems").asInt())
                .isEqualTo(250);
    }

    @Test
    void failsABatchOverTheUserLimitAtOnceWithoutRetry() {
        ObjectNode input = codec.mapper().createObjectNode();
        var userIds = input.putArray("user_ids");
        for (int i = 0; i < 251; i++) {
            userIds.add(UUID.randomUUID().toString());
        }

        TaskStatusChanged failed = run("batch-recommendations", input);

        assertThat(failed.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(failed.failure()).isIn(FailureKind.INVALID_INPUT, FailureKind.RULE_VIOLATION);
        assertThat(failed.errors()).extracting(FieldErrorDetail::field).containsExactly("user_ids");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(statusesOf(failed.taskId()))
                .containsOnlyOnce(ReportedTaskStatus.FAILED)
                .doesNotContain(ReportedTaskStatus.RUNNING);
        assertThat(deadLetteredTaskIds()).doesNotContain(failed.taskId().toString());
    }

    @Test
    void failsABatchOfMoreListsThanOneAnswerCarriesAtOnceOnTheUserIds() {
        // 51 users at limit 50: 2,550 products in all, more than the 2,500 one answer carries
        ObjectNode input = codec.mapper().createObjectNode().put("limit", 50);
        var userIds = input.putArray("user_ids");
        for (int i = 0; i < 51; i++) {
            userIds.add(UUID.randomUUID().toString());
        }

        TaskStatusChanged failed = run("batch-recommendations", input);

        assertThat(failed.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(failed.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(failed.errors()).extracting(FieldErrorDetail::field).containsExactly("user_ids");
        assertThat(failed.errors().getFirst().message()).contains("at most 50 at that limit");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(statusesOf(failed.taskId()))
                .containsOnlyOnce(ReportedTaskStatus.FAILED)
                .doesNotContain(ReportedTaskStatus.RUNNING);
    }

    @Test
    void failsInvalidTaskInputAtOnceWithTheFieldsAtFault() {
        ObjectNode notAUuid = codec.mapper().createObjectNode().put("user_id", "not-a-uuid");
        ObjectNode tooLong = codec.mapper()
                .createObjectNode()
                .put("user_id", UUID.randomUUID().toString())
                .put("limit", 500);

        TaskStatusChanged malformed = run("recommend-products", notAUuid);
        TaskStatusChanged outOfRange = run("recommend-products", tooLong);

        assertThat(malformed.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(malformed.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(malformed.errors()).extracting(FieldErrorDetail::field).containsExactly("user_id");
        assertThat(outOfRange.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(outOfRange.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(outOfRange.errors()).extracting(FieldErrorDetail::field).containsExactly("limit");
        assertThat(statusesOf(outOfRange.taskId())).containsOnlyOnce(ReportedTaskStatus.FAILED);
    }

    private TaskStatusChanged run(String taskType, ObjectNode input) {
        return new AgentTaskProbe(kafka).run(AGENT, taskType, input, WAIT).orElseThrow();
    }

    private Optional<AgentCapabilities> latestCapabilities() {
        return AnnouncedCapabilities.latest(kafka, AGENT);
    }

    private List<ReportedTaskStatus> statusesOf(UUID taskId) {
        List<ReportedTaskStatus> statuses = new ArrayList<>();
        for (var record : readAll(Topics.AGENT_EVENTS)) {
            var envelope = codec.decode(record.value());
            if (TaskStatusChanged.isStatusAction(envelope.action())) {
                var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                if (change.taskId().equals(taskId)) {
                    statuses.add(change.status());
                }
            }
        }
        return statuses;
    }

    private List<String> deadLetteredTaskIds() {
        String deadLetters = Topics.deadLetter(Topics.agentTasks(AGENT, Priority.bandOf(Priority.DEFAULT)));
        return readAll(deadLetters).stream().map(ConsumerRecord::key).toList();
    }

    /** Everything on the topic now, read from the beginning. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(kafka, "recommendation-agent-it")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
