package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.PERIOD;
import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.AnnouncedCapabilities;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class CheckBudgetTaskIT extends FinanceIntegrationTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void failsInvalidCheckBudgetInputAtOnceWithTheFieldsAtFault() {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        var probe = new AgentTaskProbe(bootstrapServers);
        Map<String, Object> input = new LinkedHashMap<>(reservation("-5.00"));
        input.put("spent_on", "0001-01-01");

        var report = probe.run("finance", "check-budget", codec.toTree(input), Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.failure()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(change.errors())
                    .extracting(FieldErrorDetail::field)
                    .containsExactlyInAnyOrder("department", "amount", "spent_on");
            assertThat(change.attempt()).as("not retried").isEqualTo(1);
        });
        assertThat(api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                        .body()
                        .at("/committed_amount")
                        .decimalValue())
                .isZero();
    }

    @Test
    void auditsAReservationAsTheRequesterTheSupervisorNamedNotTheNameInTheInput() {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        var probe = new AgentTaskProbe(bootstrapServers);
        Map<String, Object> input = new LinkedHashMap<>(reservation("25.00"));
        input.put("department", department);
        input.put("requested_by", "somebody-else");

        var report =
                probe.run("finance", "check-budget", codec.toTree(input), "agent:ad-agent", Duration.ofSeconds(60));

        assertThat(report)
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED));
        assertThat(jdbc.queryForList(
                        "SELECT a.agent_id, a.user_id FROM audit_log a JOIN budget_reservations r ON r.id = a.record_id"
                                + " JOIN budgets b ON b.id = r.budget_id"
                                + " WHERE a.table_name = 'budget_reservations' AND b.department = ?",
                        department))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("agent_id")).isEqualTo("ad-agent");
                    assertThat(row.get("user_id")).isNull();
                });
    }

    @Test
    void aRequeuedCheckBudgetTaskAnswersTheReservationItsFirstRunMade() throws Exception {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        Map<String, Object> input = new LinkedHashMap<>(reservation("25.00"));
        input.put("department", department);
        UUID taskId = UUID.randomUUID();
        List<TaskStatusChanged> completed = new ArrayList<>();

        try (var reports = TestKafka.consumerFromBeginning(bootstrapServers, "requeued-check-budget");
                var supervisor = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            reports.subscribe(List.of(Topics.AGENT_EVENTS));
            // the supervisor requeues a task as a new task message (a new message id) under the same task id
            for (int dispatch = 1; dispatch <= 2; dispatch++) {
                dispatch(supervisor, taskId, input);
                int expected = dispatch;
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    completed.addAll(completedReports(reports, taskId));
                    return completed.size() >= expected;
                });
            }
        }

        assertThat(completed).hasSize(2);
        assertThat(completed.get(0).output().path("approved").asBoolean()).isTrue();
        assertThat(completed.get(1).output().path("reservation_id").asString())
                .isEqualTo(completed.get(0).output().path("reservation_id").asString());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                                + " WHERE b.department = ?",
                        Long.class,
                        department))
                .isEqualTo(1);
        assertThat(api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                        .body()
                        .at("/committed_amount")
                        .decimalValue())
                .isEqualByComparingTo("25.00");
    }

    @Test
    void announcesTheCheckBudgetSchemaWithTheBudgetConstraints() {
        await().atMost(Duration.ofSeconds(30)).until(() -> announced().isPresent());
        AgentCapabilities capabilities = announced().orElseThrow();

        TaskTypeDescriptor checkBudget = capabilities.taskTypes().stream()
                .filter(type -> type.taskType().equals("check-budget"))
                .findFirst()
                .orElseThrow();
        assertThat(checkBudget.inputSchema().path("required").valueStream().map(field -> field.asString()))
                .contains("department", "amount", "currency", "purpose", "requested_by")
                .doesNotContain("fiscal_period");
        assertThat(checkBudget.inputSchema().at("/properties/amount/minimum").decimalValue())
                .isEqualByComparingTo("0.01");
        assertThat(checkBudget.outputSchema().at("/properties/approved/type").asString())
                .isEqualTo("boolean");
        assertThat(checkBudget.exampleInput().path("department").asString()).isEqualTo("marketing");
    }

    private void dispatch(KafkaProducer<String, String> supervisor, UUID taskId, Map<String, Object> input)
            throws Exception {
        MessageEnvelope task = MessageEnvelope.builder()
                .priority(Priority.DEFAULT)
                .sender(null, "supervisor")
                .recipient(null, "finance")
                .action("check-budget")
                .data(codec.toTree(input))
                .context(codec.toTree(new TaskDispatch(taskId, null, "agent:ad-agent")))
                .build();
        supervisor
                .send(new ProducerRecord<>(
                        Topics.agentTasks("finance", Priority.bandOf(Priority.DEFAULT)),
                        taskId.toString(),
                        codec.encode(task)))
                .get();
    }

    private List<TaskStatusChanged> completedReports(KafkaConsumer<String, String> reports, UUID taskId) {
        List<TaskStatusChanged> found = new ArrayList<>();
        for (var record : reports.poll(Duration.ofMillis(200))) {
            MessageEnvelope envelope = codec.decode(record.value());
            if (!TaskStatusChanged.isStatusAction(envelope.action())) {
                continue;
            }
            var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
            if (change.taskId().equals(taskId) && change.status() == ReportedTaskStatus.COMPLETED) {
                found.add(change);
            }
        }
        return found;
    }

    private Optional<AgentCapabilities> announced() {
        return AnnouncedCapabilities.latest(bootstrapServers, "finance");
    }
}
