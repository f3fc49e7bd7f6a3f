package com.agentfactory.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.AnnouncedCapabilities;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class AgentRuntimeIT {

    private static final String AGENT = "test-agent";
    private static AgentEvents events;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    ProcessedMessages processed;

    @Autowired
    TransactionTemplate messagingTransactionTemplate;

    @Autowired
    MessageSizeLimit sizeLimit;

    @Autowired
    Validator validator;

    @Autowired
    Clock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeAll
    static void readAgentEvents(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        events = new AgentEvents(bootstrapServers);
    }

    @AfterAll
    static void stopReading() throws InterruptedException {
        events.close();
    }

    @Test
    void completesATaskReportingEveryStateWithTheOutput() {
        TraceContext trace = TraceContext.newTrace();
        UUID taskId = send(task("echo", Priority.NORMAL).trace(trace));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(taskId))
                .containsSubsequence(
                        ReportedTaskStatus.ASSIGNED, ReportedTaskStatus.RUNNING, ReportedTaskStatus.COMPLETED));
        TaskStatusChanged completed = last(taskId);
        assertThat(completed.output().at("/echo").asString()).isEqualTo("hello");
        assertThat(completed.agentType()).isEqualTo(AGENT);
        assertThat(completed.agentId()).isEqualTo(AgentIds.forType(AGENT).toString());
        assertThat(completed.progress()).isEqualTo(100);
        assertThat(events.envelopesOf(taskId))
                .allSatisfy(
                        envelope -> assertThat(envelope.metadata().traceId()).isEqualTo(trace.traceId()));
    }

    @Test
    void namesTheTaskMessageItReportsOnInEveryReport() {
        MessageEnvelope completing = dispatch(task("echo", Priority.NORMAL));
        MessageEnvelope unsupported = dispatch(task("paint-the-warehouse", Priority.NORMAL));
        MessageEnvelope expired =
                dispatch(task("echo", Priority.NORMAL).expiresAt(Instant.now().minusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(statuses(taskIdOf(completing)))
                .containsSubsequence(
                        ReportedTaskStatus.ASSIGNED, ReportedTaskStatus.RUNNING, ReportedTaskStatus.COMPLETED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(taskIdOf(unsupported)).contains(ReportedTaskStatus.FAILED)
                        && statuses(taskIdOf(expired)).contains(ReportedTaskStatus.EXPIRED));
        for (MessageEnvelope dispatch : List.of(completing, unsupported, expired)) {
            assertThat(events.statusesOf(taskIdOf(dispatch)))
                    .isNotEmpty()
                    .allSatisfy(report -> assertThat(report.dispatchId()).isEqualTo(dispatch.messageId()));
        }
    }

    @Test
    void answersTheHealthCheckEveryAgentSupports() {
        UUID taskId = send(task("health-check", Priority.HIGH));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.COMPLETED));
        assertThat(last(taskId).output().get("status").asText()).isEqualTo("UP");
        assertThat(last(taskId).output().get("database").asText()).isEqualTo("UP");
    }

    @Test
    void retriesTransientFailuresWithBackoffUntilTheTaskSucceeds() {
        UUID taskId = send(task("flaky", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.COMPLETED));
        assertThat(last(taskId).output().get("attempts").asInt()).isEqualTo(3);
        assertThat(last(taskId).attempt()).isEqualTo(3);
        assertThat(statuses(taskId)).doesNotContain(ReportedTaskStatus.FAILED);
    }

    @Test
    void failsATaskOnceRetriesAreExhaustedAndParksItOnTheDeadLetterTopic() {
        UUID taskId = send(task("always-fails", Priority.LOW));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        assertThat(last(taskId).error()).contains("downstream unavailable");
        assertThat(last(taskId).failure()).isEqualTo(FailureKind.RETRIES_EXHAUSTED);
        assertThat(MessagingTestApplication.ATTEMPTS.get(taskId).get()).isEqualTo(3);
        assertThat(deadLetterTaskIds(Topics.deadLetter(Topics.agentTasks(AGENT, Priority.LOW))))
                .contains(taskId.toString());
    }

    @Test
    void retriesATaskWhileTheDatabaseIsAwayBeyondTheRetryLimitAndNeverDeadLettersIt() {
        UUID taskId = send(task("database-outage", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.COMPLETED));
        assertThat(MessagingTestApplication.ATTEMPTS.get(taskId).get())
                .as("more attempts than max-retries allows a failing record")
                .isEqualTo(6);
        assertThat(statuses(taskId)).doesNotContain(ReportedTaskStatus.FAILED);
        assertThat(deadLetterTaskIds(Topics.deadLetter(Topics.agentTasks(AGENT, Priority.NORMAL))))
                .doesNotContain(taskId.toString());
    }

    @Test
    void failsATaskWhoseOutputIsTooLargeForOneReportAndRollsBackItsEffects() {
        UUID taskId = send(task("oversized-output", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        TaskStatusChanged failed = last(taskId);
        assertThat(failed.failure()).isEqualTo(FailureKind.OUTPUT_TOO_LARGE);
        assertThat(failed.error()).contains("more than one message can carry");
        assertThat(statuses(taskId)).doesNotContain(ReportedTaskStatus.COMPLETED);
        assertThat(MessagingTestApplication.ATTEMPTS.get(taskId).get()).isEqualTo(1);
        assertThat(effectsOf(taskId)).as("the handler's effect was rolled back").isZero();
    }

    @Test
    void cutsARefusalTooLargeForOneReportDownToWhatFitsAndSaysSo() {
        UUID taskId = send(task("oversized-refusal", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        TaskStatusChanged failed = last(taskId);
        assertThat(failed.failure()).isEqualTo(FailureKind.RULE_VIOLATION);
        assertThat(failed.error())
                .startsWith("the order is refused: xxx")
                .contains("x" + AgentEventPublisher.TRUNCATED)
                .endsWith(" of " + MessagingTestApplication.OVERSIZED_REFUSAL_FIELD_ERRORS + " field errors kept)");
        assertThat(failed.errors())
                .isNotEmpty()
                .hasSizeLessThan(MessagingTestApplication.OVERSIZED_REFUSAL_FIELD_ERRORS);
        assertThat(failed.errors().getFirst().field()).isEqualTo("lines[0].sku");
        assertThat(statuses(taskId)).containsOnlyOnce(ReportedTaskStatus.FAILED);
    }

    @Test
    void reportsATaskInAnEnvelopeVersionItCannotReadAsFailedForAPersonAndParksIt() {
        TaskBuilder builder = task("echo", Priority.NORMAL).input(Map.of("greeting", "words of a customer"));
        String encoded = codec.encode(builder.build());
        assertThat(encoded).startsWith("{\"version\":1,");
        String newer = encoded.replaceFirst("\"version\":1,", "\"version\":2,");
        String topic = Topics.agentTasks(AGENT, Priority.NORMAL);
        kafka.send(topic, builder.taskId.toString(), newer);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(builder.taskId).contains(ReportedTaskStatus.FAILED));
        TaskStatusChanged failed = last(builder.taskId);
        assertThat(failed.failure()).isEqualTo(FailureKind.RETRIES_EXHAUSTED);
        assertThat(failed.failure().isFinalAnswer())
                .as("a person is to look at it")
                .isFalse();
        assertThat(failed.error())
                .contains("could not be read", "envelope version 2", Topics.deadLetter(topic))
                .doesNotContain("words of a customer");
        assertThat(effectsOf(builder.taskId)).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterTaskIds(Topics.deadLetter(topic)).contains(builder.taskId.toString()));
    }

    @Test
    void reportsATaskWhoseContextItCannotReadAsFailed() {
        UUID taskId = UUID.randomUUID();
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(UUID.randomUUID().toString(), "supervisor")
                .recipient(null, AGENT)
                .action("echo")
                .data(codec.toTree(Map.of("greeting", "hello")))
                .context(codec.toTree(Map.of("task_id", "the order of Jane Doe")))
                .build();
        kafka.send(Topics.agentTasks(AGENT, Priority.LOW), taskId.toString(), codec.encode(envelope));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        TaskStatusChanged failed = last(taskId);
        assertThat(failed.failure()).isEqualTo(FailureKind.RETRIES_EXHAUSTED);
        assertThat(failed.error()).contains("could not be read").doesNotContain("Jane Doe");
        assertThat(statuses(taskId)).containsOnlyOnce(ReportedTaskStatus.FAILED);
    }

    @Test
    void reportsAnUnreadableTaskOnceHoweverOftenItsRecordIsDelivered() {
        TaskRecordProcessor processor = processorOfItsOwn();
        UUID taskId = UUID.randomUUID();
        String topic = Topics.agentTasks(AGENT, Priority.LOW);
        long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        var record = new ConsumerRecord<>(topic, 0, offset, taskId.toString(), "{ unreadable");

        processor.failUnreadable(record, "first delivery");
        processor.failUnreadable(record, "delivered again");
        // reports of one task share a partition of agent.events, in the order they were written: this one comes last
        processor.failUnreadable(
                new ConsumerRecord<>(topic, 0, offset + 1, taskId.toString(), "{ unreadable"), "a later record");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> errorsReported(taskId).contains("a later record"));
        assertThat(errorsReported(taskId)).containsExactly("first delivery", "a later record");
    }

    @Test
    void reportsNothingForAnUnreadableRecordWhoseKeyNamesNoTask() {
        TaskRecordProcessor processor = processorOfItsOwn();
        String topic = Topics.agentTasks(AGENT, Priority.LOW);

        assertThat(processor.failUnreadable(new ConsumerRecord<>(topic, 0, 1L, "poison", "{"), "unread"))
                .isEmpty();
        assertThat(processor.failUnreadable(new ConsumerRecord<>(topic, 0, 2L, "1-2-3-4-5", "{"), "unread"))
                .isEmpty();
        assertThat(processor.failUnreadable(new ConsumerRecord<>(topic, 0, 3L, null, "{"), "unread"))
                .isEmpty();
    }

    @Test
    void failsAtOnceWithoutDeadLetterWhenTheHandlerRefusesTheRequest() {
        UUID taskId = send(task("rejects-input", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        assertThat(MessagingTestApplication.ATTEMPTS.get(taskId).get()).isEqualTo(1);
        TaskStatusChanged failed = last(taskId);
        assertThat(failed.error()).contains("input names no order");
        assertThat(failed.failure()).isEqualTo(FailureKind.RULE_VIOLATION);
        assertThat(failed.errors()).extracting(FieldErrorDetail::field).containsExactly("order_number");
        assertThat(statuses(taskId)).containsOnlyOnce(ReportedTaskStatus.FAILED);
        assertThat(deadLetterTaskIds(Topics.deadLetter(Topics.agentTasks(AGENT, Priority.NORMAL))))
                .doesNotContain(taskId.toString());
    }

    @Test
    void failsInvalidInputOnceWithTheFieldsAtFaultBeforeTheHandlerRuns() {
        UUID missing = send(task("echo", Priority.NORMAL).input(Map.of("repeat_count", 7)));
        UUID mistyped = send(task("echo", Priority.NORMAL).input(Map.of("greeting", "hi", "repeat_count", "many")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(missing).contains(ReportedTaskStatus.FAILED)
                        && statuses(mistyped).contains(ReportedTaskStatus.FAILED));
        assertThat(last(missing).failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(last(missing).errors())
                .extracting(FieldErrorDetail::field)
                .containsExactly("greeting", "repeat_count");
        assertThat(last(mistyped).errors()).extracting(FieldErrorDetail::field).containsExactly("repeat_count");
        assertThat(effectsOf(missing) + effectsOf(mistyped))
                .as("the handler never ran")
                .isZero();
        assertThat(statuses(missing))
                .containsOnlyOnce(ReportedTaskStatus.FAILED)
                .doesNotContain(ReportedTaskStatus.RUNNING);
        assertThat(deadLetterTaskIds(Topics.deadLetter(Topics.agentTasks(AGENT, Priority.NORMAL))))
                .doesNotContain(missing.toString(), mistyped.toString());
    }

    @Test
    void announcesItsTaskTypesWithSchemasGeneratedFromTheRecords() {
        await().atMost(Duration.ofSeconds(30)).until(() -> AnnouncedCapabilities.latest(bootstrapServers, AGENT)
                .isPresent());
        AgentCapabilities capabilities =
                AnnouncedCapabilities.latest(bootstrapServers, AGENT).orElseThrow();

        assertThat(capabilities.taskTypes())
                .extracting(TaskTypeDescriptor::taskType)
                .containsExactlyInAnyOrder(
                        "health-check",
                        "echo",
                        "always-fails",
                        "rejects-input",
                        "flaky",
                        "database-outage",
                        "oversized-output",
                        "oversized-refusal",
                        "slow");
        TaskTypeDescriptor echo = capabilities.taskTypes().stream()
                .filter(type -> type.taskType().equals("echo"))
                .findFirst()
                .orElseThrow();
        assertThat(echo.inputSchema().path("required").toString()).contains("greeting");
        assertThat(echo.inputSchema().at("/properties/repeat_count/maximum").asInt())
                .isEqualTo(3);
        assertThat(echo.inputSchema().at("/properties/greeting/maxLength").asInt())
                .isEqualTo(100);
        assertThat(echo.outputSchema().at("/properties/echo/type").asString()).isEqualTo("string");
        assertThat(echo.exampleInput().path("greeting").asString()).isEqualTo("hello");
        assertThat(echo.description()).isNotBlank();
    }

    @Test
    void failsATaskTypeTheAgentHasNoHandlerFor() {
        UUID taskId = send(task("paint-the-warehouse", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.FAILED));
        assertThat(last(taskId).error()).contains("no handler for task type 'paint-the-warehouse'");
        assertThat(last(taskId).failure()).isEqualTo(FailureKind.UNSUPPORTED_TASK_TYPE);
    }

    @Test
    void dropsAnExpiredTaskAsExpiredWithoutRunningIt() {
        UUID taskId = send(task("echo", Priority.NORMAL).expiresAt(Instant.now().minusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(taskId).contains(ReportedTaskStatus.EXPIRED));
        assertThat(effectsOf(taskId)).isZero();
        assertThat(statuses(taskId)).doesNotContain(ReportedTaskStatus.RUNNING, ReportedTaskStatus.COMPLETED);
    }

    @Test
    void sendsPoisonMessagesToTheDeadLetterTopicAndKeepsConsuming() {
        String topic = Topics.agentTasks(AGENT, Priority.NORMAL);
        kafka.send(topic, "poison", "{ this is not an envelope");
        UUID afterPoison = send(task("echo", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(afterPoison).contains(ReportedTaskStatus.COMPLETED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterValues(Topics.deadLetter(topic)).contains("{ this is not an envelope"));
    }

    @Test
    void redeliveryAfterACrashBeforeTheOffsetCommitHasNoSecondEffect() {
        // a consumer killed after its transaction committed but before Kafka saw the offset gets the
        // same record again: simulate that redelivery by sending the identical message twice
        TaskBuilder builder = task("echo", Priority.NORMAL);
        MessageEnvelope envelope = builder.build();
        String json = codec.encode(envelope);
        String topic = Topics.agentTasks(AGENT, Priority.NORMAL);
        kafka.send(topic, builder.taskId.toString(), json);
        kafka.send(topic, builder.taskId.toString(), json);
        UUID marker = send(task("echo", Priority.NORMAL));

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(marker).contains(ReportedTaskStatus.COMPLETED));
        // reports of different tasks travel on different partitions: wait for this task's own report too
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(builder.taskId).contains(ReportedTaskStatus.COMPLETED));
        assertThat(effectsOf(builder.taskId)).isEqualTo(1);
        assertThat(statuses(builder.taskId)).containsOnlyOnce(ReportedTaskStatus.COMPLETED);
    }

    @Test
    void emitsHeartbeatsNamingItsTaskTypes() {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.heartbeats().size() >= 2);
        AgentHeartbeat heartbeat = events.heartbeats().getLast();
        assertThat(heartbeat.agentType()).isEqualTo(AGENT);
        assertThat(heartbeat.taskTypes()).contains("health-check", "echo", "flaky");
    }

    @Test
    void highPriorityTasksOvertakeABacklogOfLowPriorityWork() {
        List<UUID> low = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            low.add(send(task("slow", Priority.LOW)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> completedCount(low) > 0);
        List<UUID> high = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            high.add(send(task("slow", Priority.HIGH)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> completedCount(high) == high.size());
        long lowDoneWhenHighFinished = completedCount(low);

        assertThat(lowDoneWhenHighFinished)
                .as("low-priority tasks finished before the last high-priority one")
                .isLessThan(low.size() / 2);
        await().atMost(Duration.ofSeconds(120)).until(() -> completedCount(low) == low.size());
    }

    /** The runtime's own processor over the same database and outbox, for what a test cannot make Kafka do. */
    private TaskRecordProcessor processorOfItsOwn() {
        var events = new AgentEventPublisher(
                kafka,
                outbox,
                codec,
                AgentIds.forType(AGENT).toString(),
                AGENT,
                AGENT + "-standalone",
                sizeLimit,
                clock);
        return new TaskRecordProcessor(
                Map.of(),
                new TaskInputReader(validator),
                codec,
                processed,
                messagingTransactionTemplate,
                events,
                new PriorityGate(Duration.ofSeconds(1)),
                "agent-" + AGENT,
                new SimpleMeterRegistry(),
                clock);
    }

    private List<String> errorsReported(UUID taskId) {
        return events.statusesOf(taskId).stream().map(TaskStatusChanged::error).toList();
    }

    private long completedCount(List<UUID> taskIds) {
        return taskIds.stream()
                .filter(id -> statuses(id).contains(ReportedTaskStatus.COMPLETED))
                .count();
    }

    private List<ReportedTaskStatus> statuses(UUID taskId) {
        return events.statusesOf(taskId).stream().map(TaskStatusChanged::status).toList();
    }

    private TaskStatusChanged last(UUID taskId) {
        return events.statusesOf(taskId).stream()
                .filter(change -> change.status().isTerminal())
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private int effectsOf(UUID taskId) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM test_effects WHERE task_id = ?", Integer.class, taskId);
        return count == null ? 0 : count;
    }

    /** The keys of the parked records: the supervisor keys each task message by its task id. */
    private List<String> deadLetterTaskIds(String topic) {
        return deadLetters(topic).stream().map(ConsumerRecord::key).toList();
    }

    private List<String> deadLetterValues(String topic) {
        return deadLetters(topic).stream().map(ConsumerRecord::value).toList();
    }

    private List<ConsumerRecord<String, String>> deadLetters(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = com.agentfactory.messaging.testing.TestKafka.consumerFromBeginning(
                bootstrapServers, "dlt-reader-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            for (int polls = 0; polls < 10; polls++) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    /** Sends the task's message, as {@link #send}, and returns it. */
    private MessageEnvelope dispatch(TaskBuilder builder) {
        MessageEnvelope envelope = builder.build();
        kafka.send(
                        Topics.agentTasks(
                                AGENT, Priority.bandOf(envelope.header().priority())),
                        builder.taskId.toString(),
                        codec.encode(envelope))
                .join();
        return envelope;
    }

    private UUID taskIdOf(MessageEnvelope dispatch) {
        return codec.fromTree(dispatch.payload().context(), TaskDispatch.class).taskId();
    }

    private UUID send(TaskBuilder builder) {
        MessageEnvelope envelope = builder.build();
        kafka.send(
                Topics.agentTasks(AGENT, Priority.bandOf(envelope.header().priority())),
                builder.taskId.toString(),
                codec.encode(envelope));
        return builder.taskId;
    }

    private TaskBuilder task(String taskType, Priority band) {
        return new TaskBuilder(
                taskType,
                switch (band) {
                    case HIGH -> 9;
                    case NORMAL -> 5;
                    case LOW -> 2;
                });
    }

    private final class TaskBuilder {
        final UUID taskId = UUID.randomUUID();
        final String taskType;
        final int priority;
        Instant expiresAt;
        Object input = Map.of("greeting", "hello");
        TraceContext trace = TraceContext.newTrace();

        TaskBuilder(String taskType, int priority) {
            this.taskType = taskType;
            this.priority = priority;
        }

        TaskBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        TaskBuilder input(Object input) {
            this.input = input;
            return this;
        }

        TaskBuilder trace(TraceContext trace) {
            this.trace = trace;
            return this;
        }

        MessageEnvelope build() {
            return MessageEnvelope.builder()
                    .priority(priority)
                    .sender(UUID.randomUUID().toString(), "supervisor")
                    .recipient(null, AGENT)
                    .action(taskType)
                    .data(codec.toTree(input))
                    .context(codec.toTree(new TaskDispatch(taskId, expiresAt, "test")))
                    .trace(trace)
                    .build();
        }
    }
}
