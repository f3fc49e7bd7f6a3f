package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.runtime.AgentIds;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole request path: gateway (JWT, roles) → supervisor → Kafka → agent → agent.events → supervisor. */
class PlatformEndToEndIT extends AsAdminOnThePlatform {

    @Test
    void anAdminLogsInThroughTheGatewaySubmitsATaskAndSeesItCompleted() {
        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of(
                        "task_type",
                        "health-check",
                        "agent_id",
                        AgentIds.forType("inventory").toString(),
                        "priority",
                        8,
                        "input_data",
                        Map.of("echo", "hello from the storefront")));

        assertThat(created.status()).isEqualTo(201);
        String taskId = created.text("/task_id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken)
                        .text("/status")
                        .equals("COMPLETED"));
        Http.Reply task = Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken);
        assertThat(task.text("/output_data/status")).isEqualTo("UP");
        assertThat(task.text("/output_data/echo")).isEqualTo("hello from the storefront");
        assertThat(task.body().path("transitions").valueStream().map(t -> t.path("to")
                        .asString()))
                .containsExactly("CREATED", "QUEUED", "ASSIGNED", "RUNNING", "COMPLETED");
    }

    @Test
    void aCustomerMessageWithoutATaskTypeIsRoutedToTheSupportAgentAndAnswered() {
        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of("input_data", Map.of("message", "How long does delivery to Spain take?")));

        assertThat(created.text("/assigned_agent_type")).isEqualTo("support");
        String taskId = created.text("/task_id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken)
                        .text("/status")
                        .equals("COMPLETED"));
        Http.Reply task = Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken);
        assertThat(task.text("/output_data/reply")).isNotBlank();
        assertThat(task.text("/output_data/ticket_id")).isNotBlank();
    }

    @Test
    void aMessageNoAgentIsConfidentAboutEndsInTheEscalationQueueForPeople() {
        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of("input_data", Map.of("message", "Hello there, a quick word please")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/status")).isEqualTo("ESCALATED");
        String taskId = created.text("/task_id");
        Http.Reply queue = Http.get(gateway("/api/v1/escalations?status=OPEN&limit=100"), adminToken);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("items").valueStream().map(e -> e.path("task_id")
                        .asString()))
                .contains(taskId);
    }

    @Test
    void intakeRefusesATaskTypeNoAgentHandlesWith422NamingTheKnownTypes() {
        Http.Reply refused = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of("task_type", "paint-the-warehouse", "input_data", Map.of("colour", "blue")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("task_type").contains("answer-customer-message");
    }

    @Test
    void intakeRefusesInputThatBreaksTheTaskTypesSchemaWith422NamingTheField() {
        Http.Reply refused = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of("task_type", "answer-customer-message", "input_data", Map.of("customer_id", "not-a-uuid")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").valueStream().map(e -> e.path("field")
                        .asString()))
                .contains("input_data.message", "input_data.customer_id");
        assertThat(Http.get(gateway("/api/v1/agents/tasks?task_type=answer-customer-message&limit=100"), adminToken)
                        .body()
                        .path("items")
                        .valueStream()
                        .map(task -> task.path("input_data").path("customer_id").asString()))
                .doesNotContain("not-a-uuid");
    }

    @Test
    void theTaskTypeCatalogueListsWhatTheAgentsReallyHandleWithSchemasAndExamples() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply catalogue = Http.get(gateway("/api/v1/agents/task-types"), adminToken);
            assertThat(catalogue.status()).isEqualTo(200);
            assertThat(catalogue.body().valueStream().map(type -> type.path("task_type")
                            .asString()))
                    .contains(
                            "answer-customer-message",
                            "order-status-inquiry",
                            "check-stock-levels",
                            "optimize-bids",
                            "plan-campaign",
                            "health-check")
                    // names from the specification's examples that no agent handles are not announced
                    .doesNotContain("optimize-ad-bids", "predict-click-through");
        });
        Http.Reply catalogue = Http.get(gateway("/api/v1/agents/task-types"), adminToken);
        var answer = catalogue
                .body()
                .valueStream()
                .filter(type -> type.path("task_type").asString().equals("answer-customer-message"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.path("agent_type").asString()).isEqualTo("support");
        assertThat(answer.at("/input_schema/properties/message/type").asString())
                .isEqualTo("string");
        assertThat(answer.at("/input_schema/properties/customer_id/format").asString())
                .isEqualTo("uuid");
        assertThat(answer.path("example_input").path("message").asString()).isNotBlank();
    }

    @Test
    void theGatewayCarriesTheCorrelationIdToTheTask() {
        String correlationId = UUID.randomUUID().toString();

        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of(
                        "task_type",
                        "health-check",
                        "agent_id",
                        AgentIds.forType("inventory").toString(),
                        "input_data",
                        Map.of("echo", "trace me")),
                Map.of("X-Correlation-Id", correlationId));

        assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
        Http.Reply task = Http.get(gateway("/api/v1/agents/tasks/" + created.text("/task_id")), adminToken);
        assertThat(task.text("/correlation_id")).isEqualTo(correlationId);
        assertThat(task.text("/trace_id")).matches("[0-9a-f]{32}");
    }

    @Test
    void customersCannotReachTheAgentsApiAndAnonymousCallersMustLogIn() {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        Http.Reply registered = Http.post(
                gateway("/api/v1/auth/register"),
                null,
                Map.of(
                        "email",
                        email,
                        "password",
                        "correct horse battery",
                        "first_name",
                        "Ada",
                        "last_name",
                        "Shopper"));
        assertThat(registered.status()).isEqualTo(201);
        String customerToken = registered.text("/access_token");

        assertThat(Http.post(gateway("/api/v1/agents/tasks"), customerToken, Map.of("input_data", Map.of()))
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(gateway("/api/v1/agents"), null).status()).isEqualTo(401);
    }

    @Test
    void theRegistryShowsTheRunningAgentsAsUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply agents = Http.get(gateway("/api/v1/agents?type=support"), adminToken);
            assertThat(agents.body().get(0).at("/liveness/status").asString()).isEqualTo("UP");
        });
    }
}
