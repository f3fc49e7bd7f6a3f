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
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.AnnouncedCapabilities;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    private Optional<AgentCapabilities> announced() {
        return AnnouncedCapabilities.latest(bootstrapServers, "finance");
    }
}
