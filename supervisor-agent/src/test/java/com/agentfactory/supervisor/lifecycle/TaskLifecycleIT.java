package com.agentfactory.supervisor.lifecycle;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class TaskLifecycleIT extends SupervisorIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    TaskLifecycleService lifecycle;

    @Autowired
    TransactionTemplate transactions;

    private AgentReports agent;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void agent() {
        agent = new AgentReports(kafka);
    }

    @Test
    void followsAnAgentsReportsToCompletionStoringEveryTransition() {
        UUID taskId = create("fixture-reorder-points");

        agent.report(taskId, "inventory", ReportedTaskStatus.ASSIGNED, null, null, 1);
        agent.report(taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        agent.report(
                taskId, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{\"reorder_point\": 42}"), null, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(42);
        assertThat(task.body().path("progress").asInt()).isEqualTo(100);
        assertThat(task.text("/started_at")).isNotBlank();
        assertThat(task.text("/completed_at")).isNotBlank();
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "ASSIGNED", "RUNNING", "COMPLETED");
    }

    @Test
    void appliesReportsTheStoreCannotHoldAsSentWithTheirNulReplacedAndEscalatesOneWithoutAStatus() {
        List<UUID> good = List.of(
                create("fixture-reorder-points"), create("fixture-reorder-points"), create("fixture-reorder-points"));
        UUID withNul = create("fixture-reorder-points");
        UUID withNulOutput = create("fixture-reorder-points");
        UUID withoutStatus = create("fixture-reorder-points");
        List<MessageListenerContainer> lifecycle = listeners.getListenerContainers().stream()
                .filter(container -> "supervisor".equals(container.getGroupId()))
                .toList();
        assertThat(lifecycle).isNotEmpty();
        // held while the reports are sent, so that the good and the bad come in one poll
        lifecycle.forEach(MessageListenerContainer::pause);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lifecycle.stream().allMatch(MessageListenerContainer::isContainerPaused));
            agent.sendAll(
                    "one-partition",
                    List.of(
                            agent.reportOf(good.get(0), "inventory", ReportedTaskStatus.COMPLETED, null, null, 1),
                            agent.reportOf(withNul, "inventory", ReportedTaskStatus.FAILED, null, "bad\u0000byte", 1),
                            agent.reportOf(
                                    withNulOutput,
                                    "inventory",
                                    ReportedTaskStatus.COMPLETED,
                                    json.readTree("{\"note\": \"a\\u0000b\", \"k\\u0000\": [\"\\u0000\"]}"),
                                    null,
                                    1),
                            agent.reportOf(good.get(1), "inventory", ReportedTaskStatus.COMPLETED, null, null, 1),
                            agent.reportWithoutStatus(withoutStatus, "inventory"),
                            agent.reportOf(good.get(2), "inventory", ReportedTaskStatus.COMPLETED, null, null, 1)));
        } finally {
            lifecycle.forEach(MessageListenerContainer::resume);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(good.stream().map(this::status)).containsOnly("COMPLETED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(List.of(status(withNul), status(withNulOutput), status(withoutStatus)))
                        .containsExactly("ESCALATED", "COMPLETED", "ESCALATED"));
        assertThat(api.get("/api/v1/agents/tasks/" + withNul).text("/error_message"))
                .isEqualTo("bad\uFFFDbyte");
        Response output = api.get("/api/v1/agents/tasks/" + withNulOutput);
        assertThat(output.text("/output_data/note")).isEqualTo("a\uFFFDb");
        assertThat(output.body().at("/output_data").path("k\uFFFD").get(0).asString())
                .isEqualTo("\uFFFD");
        Response unknown = api.get("/api/v1/agents/tasks/" + withoutStatus);
        assertThat(transitions(unknown)).containsExactly("CREATED", "QUEUED", "ESCALATED");
        assertThat(unknown.text("/transitions/2/actor")).isEqualTo("supervisor");
        assertThat(unknown.text("/transitions/2/reason"))
                .isEqualTo("inventory sent a report on the task without a status (attempt 1),"
                        + " so whether it finished is not known");
        assertThat(openEscalationFor(withoutStatus).path("reason").asString())
                .isEqualTo(unknown.text("/transitions/2/reason"));
    }

    @Test
    void takesTheResultThatFollowsAReportWithoutAStatusInTheSamePollAsInTheNext() {
        UUID taskId = create("fixture-reorder-points");

        inOnePoll(List.of(
                agent.reportOf(taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1),
                agent.reportWithoutStatus(taskId, "inventory"),
                agent.reportOf(
                        taskId,
                        "inventory",
                        ReportedTaskStatus.COMPLETED,
                        json.readTree("{\"reorder_point\": 5}"),
                        null,
                        1)));

        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("COMPLETED");
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(5);
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "RUNNING", "ESCALATED", "COMPLETED");
        assertThat(task.text("/transitions/4/reason")).contains("after the supervisor had escalated it");
        assertThat(openEscalationFor(taskId)).isNull();
        assertThat(escalationsOf(taskId)).singleElement().satisfies(escalation -> {
            assertThat(escalation.path("status").asString()).isEqualTo("RESOLVED");
            assertThat(escalation.path("outcome").asString()).isEqualTo("COMPLETED");
        });
    }

    @Test
    void escalatesAgainAFailureThatFollowsAReportWithoutAStatusInTheSamePoll() {
        UUID taskId = create("fixture-reorder-points");

        inOnePoll(List.of(
                agent.reportWithoutStatus(taskId, "inventory"),
                agent.retriesExhaustedOn(null, taskId, "inventory", "supplier feed down")));

        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "ESCALATED", "FAILED", "ESCALATED");
        assertThat(escalationsOf(taskId))
                .map(escalation -> escalation.path("status").asString())
                .containsExactlyInAnyOrder("RESOLVED", "OPEN");
        assertThat(openEscalationFor(taskId).path("reason").asString()).contains("supplier feed down");
    }

    @Test
    void escalatesATaskWhoseRetriesAreExhaustedIntoTheQueuePeopleWorkFrom() {
        UUID taskId = create("fixture-click-through");

        agent.report(taskId, "ad", ReportedTaskStatus.FAILED, null, "IllegalStateException: exchange unavailable", 4);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("ESCALATED"));
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/error_message")).contains("exchange unavailable");
        assertThat(task.body().path("attempts").asInt()).isEqualTo(4);
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "FAILED", "ESCALATED");
        assertThat(openEscalationFor(taskId)).isNotNull();
        assertThat(openEscalationFor(taskId).path("reason").asString())
                .contains("retries exhausted after 4 attempt(s)");
    }

    @Test
    void leavesATaskFailedWithItsFieldErrorsWhenTheAgentRefusedItsInput() {
        UUID taskId = create("fixture-click-through");

        agent.failed(
                taskId,
                "ad",
                "input_data is invalid",
                FailureKind.INVALID_INPUT,
                List.of(new FieldErrorDetail("campaign_id", "must not be blank")));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("FAILED"));
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/error_message")).isEqualTo("input_data is invalid");
        assertThat(task.text("/failure")).isEqualTo("INVALID_INPUT");
        assertThat(task.text("/errors/0/field")).isEqualTo("campaign_id");
        assertThat(task.text("/errors/0/message")).isEqualTo("must not be blank");
        assertThat(task.text("/completed_at")).isNotBlank();
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "FAILED");
        assertThat(openEscalationFor(taskId)).isNull();
    }

    @Test
    void escalatesATaskFailedWithRetriesExhaustedOrAnUnsupportedType() {
        UUID exhausted = create("fixture-ad-budget");
        UUID unsupported = create("fixture-ad-pacing");

        agent.failed(exhausted, "ad", "IllegalStateException: timeout", FailureKind.RETRIES_EXHAUSTED, List.of());
        agent.failed(unsupported, "ad", "no handler for pace-ad-spend", FailureKind.UNSUPPORTED_TASK_TYPE, List.of());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(exhausted).equals("ESCALATED")
                        && status(unsupported).equals("ESCALATED"));
        assertThat(api.get("/api/v1/agents/tasks/" + exhausted).text("/failure"))
                .isEqualTo("RETRIES_EXHAUSTED");
        assertThat(openEscalationFor(exhausted)).isNotNull();
        assertThat(openEscalationFor(unsupported).path("reason").asString()).contains("has no handler");
    }

    @Test
    void appliesARedeliveredReportOnlyOnce() {
        UUID taskId = create("fixture-ad-budget");

        MessageEnvelope running = agent.report(taskId, "ad", ReportedTaskStatus.RUNNING, null, null, 1);
        agent.send(taskId.toString(), running);
        agent.send(taskId.toString(), running);
        agent.report(taskId, "ad", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));
        assertThat(transitions(api.get("/api/v1/agents/tasks/" + taskId)))
                .containsExactly("CREATED", "QUEUED", "RUNNING", "COMPLETED");
    }

    @Test
    void parksAnUnreadableEventOnTheDeadLetterTopicAndStillAppliesTheReportsAroundIt() {
        UUID taskId = create("fixture-reorder-points");
        String garbage = "not an envelope " + UUID.randomUUID();

        agent.report(taskId, "inventory", ReportedTaskStatus.ASSIGNED, null, null, 1);
        kafka.send(Topics.AGENT_EVENTS, taskId.toString(), garbage).join();
        agent.report(taskId, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));
        assertThat(transitions(api.get("/api/v1/agents/tasks/" + taskId)))
                .containsExactly("CREATED", "QUEUED", "ASSIGNED", "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().contains(garbage));
    }

    @Test
    void appliesManyReportsForManyTasksInTheirOrder() {
        List<UUID> taskIds = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> create("fixture-reorder-points"))
                .toList();

        for (UUID taskId : taskIds) {
            agent.report(taskId, "inventory", ReportedTaskStatus.ASSIGNED, null, null, 1);
            agent.report(taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
            agent.report(taskId, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 1);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskIds.stream().allMatch(id -> status(id).equals("COMPLETED")));
        for (UUID taskId : taskIds) {
            assertThat(transitions(api.get("/api/v1/agents/tasks/" + taskId)))
                    .containsExactly("CREATED", "QUEUED", "ASSIGNED", "RUNNING", "COMPLETED");
        }
    }

    @Test
    void ignoresReportsThatArriveAfterTheTaskFinished() {
        UUID taskId = create("fixture-ad-pacing");
        agent.report(taskId, "ad", ReportedTaskStatus.COMPLETED, json.readTree("{\"paced\": true}"), null, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));

        agent.report(taskId, "ad", ReportedTaskStatus.FAILED, null, "late failure", 2);
        UUID marker = create("fixture-ad-pacing");
        agent.report(marker, "ad", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(marker).equals("COMPLETED"));

        assertThat(status(taskId)).isEqualTo("COMPLETED");
        assertThat(openEscalationFor(taskId)).isNull();
    }

    @Test
    void takesTheResultOfATaskTheAgentStartedBeforeTheExpiryJobMarkedItExpired() {
        // the agent picked the task up in time; its RUNNING signal was still in flight when expires_at passed
        UUID taskId = createExpiringIn(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("EXPIRED"));

        agent.report(taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        agent.report(
                taskId, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{\"reorder_point\": 7}"), null, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(7);
        assertThat(task.body().path("error_message").isMissingNode()
                        || task.body().path("error_message").isNull())
                .as("the expiry's message is gone with it")
                .isTrue();
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "EXPIRED", "COMPLETED");
        assertThat(task.text("/transitions/3/reason")).contains("started before expires_at");
    }

    @Test
    void refusesToCancelATaskAnAgentHoldsAndStillTakesItsResult() {
        UUID queued = create("fixture-reorder-points");
        UUID running = create("fixture-reorder-points");
        agent.report(running, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(running).equals("RUNNING"));

        Response cancelQueued = api.post("/api/v1/agents/tasks/" + queued + "/cancel", Map.of());
        Response cancelRunning = api.post("/api/v1/agents/tasks/" + running + "/cancel", Map.of());

        assertThat(cancelQueued.status()).isEqualTo(409);
        assertThat(cancelQueued.text("/detail")).contains("sent to the inventory agent");
        assertThat(cancelRunning.status()).isEqualTo(409);
        assertThat(status(queued)).isEqualTo("QUEUED");
        agent.report(running, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(running).equals("COMPLETED"));
    }

    @Test
    void peopleClaimAndResolveEscalationsAndRequeuedTasksGoBackToTheirAgent() {
        UUID taskId = create("fixture-campaign-send");
        agent.report(taskId, "campaign", ReportedTaskStatus.FAILED, null, "provider rejected the batch", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> openEscalationFor(taskId) != null);
        String escalationId = openEscalationFor(taskId).path("escalation_id").asString();

        Response claimed = api.postAs("/api/v1/escalations/" + escalationId + "/claim", Map.of(), "alice");
        Response stolen = api.postAs("/api/v1/escalations/" + escalationId + "/claim", Map.of(), "bob");
        Response resolved = api.postAs(
                "/api/v1/escalations/" + escalationId + "/resolve",
                Map.of("outcome", "REQUEUED", "note", "provider fixed"),
                "alice");

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.text("/claimed_by")).isEqualTo("alice");
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.text("/status")).isEqualTo("RESOLVED");
        assertThat(status(taskId)).isEqualTo("QUEUED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPICS.forTask(taskId).size() >= 2);
        assertThat(TOPICS.forTask(taskId).getLast().metadata().retryCount()).isEqualTo(4);
        assertThat(api.postAs(
                                "/api/v1/escalations/" + escalationId + "/resolve",
                                Map.of("outcome", "CANCELLED"),
                                "alice")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void requeuingATaskWhoseDeadlinePassedWhileEscalatedNeedsANewDeadline() {
        UUID taskId = createExpiringIn(Duration.ofSeconds(6));
        agent.report(taskId, "inventory", ReportedTaskStatus.FAILED, null, "supplier feed down", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> openEscalationFor(taskId) != null);
        String resolve = "/api/v1/escalations/"
                + openEscalationFor(taskId).path("escalation_id").asString() + "/resolve";
        Instant expiry = Instant.parse(api.get("/api/v1/agents/tasks/" + taskId).text("/expires_at"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiry));
        String newDeadline = Instant.now()
                .plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        Response withTheOldDeadline = api.post(resolve, Map.of("outcome", "REQUEUED"));
        Response withAPastOne = api.post(resolve, Map.of("outcome", "REQUEUED", "expires_at", expiry.toString()));
        Response withANewOne = api.post(resolve, Map.of("outcome", "REQUEUED", "expires_at", newDeadline));

        assertThat(withTheOldDeadline.status()).isEqualTo(422);
        assertThat(withTheOldDeadline.errorFields()).containsExactly("expires_at");
        assertThat(withAPastOne.status()).isEqualTo(422);
        assertThat(withAPastOne.errorFields()).containsExactly("expires_at");
        assertThat(withANewOne.status()).as(String.valueOf(withANewOne.body())).isEqualTo(200);
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("QUEUED");
        assertThat(Instant.parse(task.text("/expires_at"))).isEqualTo(Instant.parse(newDeadline));
    }

    @Test
    void aPersonCanCompleteAnEscalatedTaskByHand() {
        UUID taskId = UUID.fromString(api.post("/api/v1/agents/tasks", Map.of("input_data", Map.of("message", "xyz")))
                .text("/task_id"));
        String escalationId = openEscalationFor(taskId).path("escalation_id").asString();

        Response resolved = api.postAs(
                "/api/v1/escalations/" + escalationId + "/resolve",
                Map.of("outcome", "COMPLETED", "output_data", Map.of("answer", "handled by phone")),
                "carol");

        assertThat(resolved.status()).isEqualTo(200);
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("COMPLETED");
        assertThat(task.text("/output_data/answer")).isEqualTo("handled by phone");
        assertThat(task.text("/transitions/2/actor")).isEqualTo("carol");
    }

    @Test
    void cancellingAnEscalatedTaskClosesItsEscalation() {
        UUID taskId = UUID.fromString(api.post("/api/v1/agents/tasks", Map.of("input_data", Map.of("message", "xyz")))
                .text("/task_id"));
        String escalationId = openEscalationFor(taskId).path("escalation_id").asString();

        Response cancelled = api.postAs("/api/v1/agents/tasks/" + taskId + "/cancel", Map.of(), "dave");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(openEscalationFor(taskId)).isNull();
        Response escalation = api.get("/api/v1/escalations/" + escalationId);
        assertThat(escalation.text("/status")).isEqualTo("RESOLVED");
        assertThat(escalation.text("/outcome")).isEqualTo("CANCELLED");
        assertThat(escalation.text("/resolved_by")).isEqualTo("dave");
    }

    @Test
    void requeuingAnUnroutedTaskToAnAgentSendsItAsATaskTypeThatAgentHandlesOrRefusesIt() {
        UUID taskId = UUID.fromString(api.post("/api/v1/agents/tasks", Map.of("input_data", Map.of("message", "xyz")))
                .text("/task_id"));
        String resolve = "/api/v1/escalations/"
                + openEscalationFor(taskId).path("escalation_id").asString() + "/resolve";

        Response noDefaultType = api.post(resolve, Map.of("outcome", "REQUEUED", "agent_type", "inventory"));
        Response notHandled = api.post(
                resolve, Map.of("outcome", "REQUEUED", "agent_type", "support", "task_type", "fixture-forecast"));
        Response inputRefused = api.post(resolve, Map.of("outcome", "REQUEUED", "agent_type", "recommendation"));
        Response requeued = api.post(resolve, Map.of("outcome", "REQUEUED", "agent_type", "support"));

        assertThat(noDefaultType.status()).isEqualTo(422);
        assertThat(noDefaultType.errorFields()).containsExactly("task_type");
        assertThat(notHandled.status()).isEqualTo(422);
        assertThat(notHandled.errorFields()).containsExactly("task_type");
        assertThat(inputRefused.status()).isEqualTo(422);
        assertThat(inputRefused.errorFields()).containsExactly("task_type");
        assertThat(requeued.status()).isEqualTo(200);
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("QUEUED");
        assertThat(task.text("/task_type")).isEqualTo("answer-customer-message");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TOPICS.forTask(taskId).isEmpty());
        assertThat(TOPICS.forTask(taskId).getLast().action()).isEqualTo("answer-customer-message");
    }

    @Test
    void requeuingToAnotherAgentAsATaskTypeItHandlesKeepsTheInput() {
        UUID taskId = UUID.fromString(api.post("/api/v1/agents/tasks", Map.of("input_data", Map.of("message", "xyz")))
                .text("/task_id"));
        String resolve = "/api/v1/escalations/"
                + openEscalationFor(taskId).path("escalation_id").asString() + "/resolve";

        Response requeued = api.post(
                resolve, Map.of("outcome", "REQUEUED", "agent_type", "inventory", "task_type", "fixture-forecast"));

        assertThat(requeued.status()).isEqualTo(200);
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/task_type")).isEqualTo("fixture-forecast");
        assertThat(task.text("/assigned_agent_type")).isEqualTo("inventory");
        assertThat(task.text("/input_data/message")).isEqualTo("xyz");
    }

    @Test
    void rejectsAnEscalationResolutionWithoutAnOutcome() {
        Response response = api.post("/api/v1/escalations/" + UUID.randomUUID() + "/resolve", Map.of("note", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("outcome");
        assertThat(api.post("/api/v1/escalations/" + UUID.randomUUID() + "/claim", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnEscalationPageBeyondTheLimitNamingItInsteadOfOverflowingTheOffset() {
        Response overflowing = api.get("/api/v1/escalations?page=21474837&limit=200");
        Response last = api.get("/api/v1/escalations?page=100000&limit=200");

        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.errorFields()).containsExactly("page");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().path("items")).isEmpty();
    }

    @Test
    void showsAnAgentAsUpOnceItsHeartbeatsArrive() {
        String instance = "recommendation-" + UUID.randomUUID();
        agent.heartbeat("recommendation", instance);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response agents = api.get("/api/v1/agents?type=recommendation");
            assertThat(agents.body()).hasSize(1);
            assertThat(agents.body().get(0).at("/liveness/status").asString()).isEqualTo("UP");
            assertThat(agents.body()
                            .get(0)
                            .at("/liveness/instances")
                            .valueStream()
                            .map(i -> i.path("instance_id").asString()))
                    .contains(instance);
        });
    }

    /** Applies these reports as one poll of agent.events is: in one transaction, in their order. */
    private void inOnePoll(List<MessageEnvelope> reports) {
        transactions.executeWithoutResult(status ->
                lifecycle.applyReports(reports.stream().map(agent::asRead).toList()));
    }

    private List<tools.jackson.databind.JsonNode> escalationsOf(UUID taskId) {
        return api.get("/api/v1/escalations?limit=200")
                .body()
                .path("items")
                .valueStream()
                .filter(e -> e.path("task_id").asString().equals(taskId.toString()))
                .toList();
    }

    private UUID create(String taskType) {
        Response created = api.post("/api/v1/agents/tasks", ofType(taskType));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("/task_id"));
    }

    private UUID createExpiringIn(Duration duration) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(ofType("fixture-reorder-points"));
        request.put("expires_at", java.time.Instant.now().plus(duration).toString());
        Response created = api.post("/api/v1/agents/tasks", request);
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("/task_id"));
    }

    private String status(UUID taskId) {
        return api.get("/api/v1/agents/tasks/" + taskId).text("/status");
    }

    private static List<String> transitions(Response task) {
        return task.body()
                .path("transitions")
                .valueStream()
                .map(t -> t.path("to").asString())
                .toList();
    }

    private tools.jackson.databind.JsonNode openEscalationFor(UUID taskId) {
        return api.get("/api/v1/escalations?limit=200")
                .body()
                .path("items")
                .valueStream()
                .filter(e -> e.path("task_id").asString().equals(taskId.toString()))
                .filter(e -> !e.path("status").asString().equals("RESOLVED"))
                .findFirst()
                .orElse(null);
    }

    private List<String> deadLetters() {
        List<String> values = new ArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(
                LocalInfrastructure.shared().kafkaBootstrapServers(), "lifecycle-dlt-reader")) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.AGENT_EVENTS)));
            for (int polls = 0; polls < 5; polls++) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
