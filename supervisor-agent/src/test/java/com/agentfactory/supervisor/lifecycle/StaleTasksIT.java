package com.agentfactory.supervisor.lifecycle;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.support.AdjustableClock;
import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tasks an agent holds that nothing is heard of: the supervisor's clock is moved past the default 30 minutes instead
 * of waiting. The application is closed after the class, since its clock runs ahead of the real one.
 */
@DirtiesContext
@TestPropertySource(properties = "agentfactory.lifecycle.stale-task.interval=100ms")
class StaleTasksIT extends SupervisorIntegrationTest {

    private static final Duration QUIET_LIMIT = Duration.ofMinutes(30);

    @TestConfiguration
    static class AheadOfTime {

        @Bean
        AdjustableClock clock() {
            return new AdjustableClock();
        }
    }

    @Autowired
    AdjustableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private AgentReports agent;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @BeforeEach
    void agent() {
        agent = new AgentReports(kafka);
    }

    @Test
    void escalatesTasksAnAgentTookThatNothingIsHeardOfForTheConfiguredTimeAndLeavesTheRest() {
        double staleBefore = staleCount("inventory");
        UUID running = create();
        UUID assigned = create();
        UUID queued = create();
        UUID reportedLater = create();
        agent.report(running, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        agent.report(assigned, "inventory", ReportedTaskStatus.ASSIGNED, null, null, 1);
        agent.report(reportedLater, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(running).equals("RUNNING")
                        && status(assigned).equals("ASSIGNED")
                        && status(reportedLater).equals("RUNNING"));

        clock.advance(Duration.ofMinutes(20));
        agent.report(reportedLater, "inventory", ReportedTaskStatus.RUNNING, null, null, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(reportedLater) == 2);
        clock.advance(QUIET_LIMIT.minusMinutes(20).plusMinutes(1));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        status(running).equals("ESCALATED") && status(assigned).equals("ESCALATED"));
        // the passes that escalated the others saw it quiet for 11 minutes only
        assertThat(status(reportedLater)).isEqualTo("RUNNING");
        // its dispatch may still wait on the agent's topic (the agent down, say): escalated, a person could requeue it
        // and the agent, once back, would run both; its expires_at guards it instead
        assertThat(status(queued)).isEqualTo("QUEUED");
        Response task = api.get("/api/v1/agents/tasks/" + running);
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "RUNNING", "ESCALATED");
        assertThat(task.text("/transitions/3/actor")).isEqualTo("supervisor");
        assertThat(task.text("/transitions/3/reason"))
                .startsWith("nothing heard of the task for 30 min")
                .contains("while RUNNING with the inventory agent")
                .contains("the agent may still be working on it")
                .contains("done twice");
        assertThat(openEscalationReason(running)).isEqualTo(task.text("/transitions/3/reason"));
        assertThat(openEscalationReason(assigned)).contains("while ASSIGNED");
        assertThat(staleCount("inventory") - staleBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void takesTheAgentsLateResultForATaskEscalatedForWantOfNewsAsAfterExpiry() {
        UUID quiet = create();
        UUID failed = create();
        agent.report(quiet, "inventory", ReportedTaskStatus.RUNNING, null, null, 1);
        agent.failed(
                failed, "inventory", "IllegalStateException: store down", FailureKind.RETRIES_EXHAUSTED, List.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(quiet).equals("RUNNING") && status(failed).equals("ESCALATED"));
        clock.advance(QUIET_LIMIT.plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(quiet).equals("ESCALATED"));

        // in this order on one partition: the escalation of a failure is no gap in the news, so its late result is not
        // taken, and is applied before the one that is
        agent.sendAll(
                "one-partition",
                List.of(
                        agent.reportOf(failed, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{}"), null, 4),
                        agent.reportOf(
                                quiet,
                                "inventory",
                                ReportedTaskStatus.COMPLETED,
                                json.readTree("{\"reorder_point\": 9}"),
                                null,
                                1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(quiet).equals("COMPLETED"));
        Response task = api.get("/api/v1/agents/tasks/" + quiet);
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(9);
        assertThat(transitions(task)).containsExactly("CREATED", "QUEUED", "RUNNING", "ESCALATED", "COMPLETED");
        assertThat(task.text("/transitions/4/reason")).contains("after the supervisor had escalated it");
        Map<String, Object> escalation =
                jdbc.queryForMap("SELECT status, outcome, resolved_by FROM escalations WHERE task_id = ?", quiet);
        assertThat(escalation)
                .containsEntry("status", "RESOLVED")
                .containsEntry("outcome", "COMPLETED")
                .containsEntry("resolved_by", "inventory-test-instance");
        assertThat(status(failed)).isEqualTo("ESCALATED");
        assertThat(openEscalationReason(failed)).contains("store down");
    }

    @Test
    void ignoresTheProgressAndFailureOfTheDispatchARequeueReplacedAndFollowsTheNewOne() {
        double ignoredBefore = superseded("RUNNING") + superseded("FAILED");
        UUID taskId = create();
        UUID first = escalatedForWantOfNewsAndRequeued(taskId);
        UUID second = dispatchIds(taskId).getLast();
        assertThat(second).isNotEqualTo(first);

        // the first agent, back after the requeue, reports on the dispatch it held while the new one still waits
        List<MessageEnvelope> late = List.of(
                agent.reportOn(first, taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 2),
                agent.retriesExhaustedOn(first, taskId, "inventory", "IllegalStateException: store down"));
        agent.sendAll(taskId.toString(), late);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(late));

        assertThat(status(taskId)).isEqualTo("QUEUED");
        assertThat(superseded("RUNNING") + superseded("FAILED") - ignoredBefore).isEqualTo(2);
        agent.sendAll(
                taskId.toString(),
                List.of(
                        agent.reportOn(second, taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1),
                        agent.reportOn(
                                second,
                                taskId,
                                "inventory",
                                ReportedTaskStatus.COMPLETED,
                                json.readTree("{\"reorder_point\": 8}"),
                                null,
                                1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("COMPLETED"));
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(8);
        assertThat(transitions(task))
                .containsExactly("CREATED", "QUEUED", "RUNNING", "ESCALATED", "QUEUED", "RUNNING", "COMPLETED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM escalations WHERE task_id = ? AND status <> 'RESOLVED'",
                        Integer.class,
                        taskId))
                .isZero();
    }

    @Test
    void takesTheResultOfTheDispatchARequeueReplacedAsAfterAnEscalationForWantOfNews() {
        UUID taskId = create();
        UUID first = escalatedForWantOfNewsAndRequeued(taskId);
        UUID second = dispatchIds(taskId).getLast();

        List<MessageEnvelope> reports = List.of(
                agent.reportOn(second, taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1),
                agent.reportOn(
                        first,
                        taskId,
                        "inventory",
                        ReportedTaskStatus.COMPLETED,
                        json.readTree("{\"reorder_point\": 7}"),
                        null,
                        1),
                agent.reportOn(
                        second,
                        taskId,
                        "inventory",
                        ReportedTaskStatus.COMPLETED,
                        json.readTree("{\"reorder_point\": 8}"),
                        null,
                        1));
        agent.sendAll(taskId.toString(), reports);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(reports));

        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("COMPLETED");
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(7);
        assertThat(transitions(task))
                .containsExactly("CREATED", "QUEUED", "RUNNING", "ESCALATED", "QUEUED", "RUNNING", "COMPLETED");
        assertThat(task.text("/transitions/6/reason"))
                .contains("by dispatch " + first)
                .contains("dispatch " + second + " may still run");
    }

    @Test
    void followsTheDispatchAnInstanceFromBeforeDispatchIdsRequeuedTheTaskUnder() {
        double ignoredBefore = superseded("RUNNING") + superseded("FAILED");
        UUID taskId = create();
        UUID first = escalatedForWantOfNews(taskId);
        UUID second = requeuedByAnInstanceFromBeforeDispatchIds(taskId);
        assertThat(jdbc.queryForObject("SELECT dispatch_id FROM tasks WHERE id = ?", UUID.class, taskId))
                .isEqualTo(first);

        List<MessageEnvelope> running =
                List.of(agent.reportOn(second, taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1));
        agent.sendAll(taskId.toString(), running);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(running));
        assertThat(status(taskId)).isEqualTo("RUNNING");

        agent.sendAll(
                taskId.toString(),
                List.of(agent.retriesExhaustedOn(second, taskId, "inventory", "IllegalStateException: disk full")));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("ESCALATED"));
        assertThat(openEscalationReason(taskId)).contains("disk full");
        assertThat(transitions(api.get("/api/v1/agents/tasks/" + taskId)))
                .containsExactly(
                        "CREATED", "QUEUED", "RUNNING", "ESCALATED", "QUEUED", "RUNNING", "FAILED", "ESCALATED");
        assertThat(superseded("RUNNING") + superseded("FAILED") - ignoredBefore).isZero();
    }

    @Test
    void appliesAReportNamingNoDispatchToTheTaskAsBefore() {
        UUID taskId = create();
        escalatedForWantOfNewsAndRequeued(taskId);

        // a runtime older than dispatch ids cannot say which dispatch it failed
        agent.failed(
                taskId, "inventory", "IllegalStateException: store down", FailureKind.RETRIES_EXHAUSTED, List.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("ESCALATED"));
        assertThat(openEscalationReason(taskId)).contains("store down");
    }

    /**
     * Runs the task's first dispatch until the supervisor escalates it for want of news, then has a person requeue
     * it to the same agent; returns the first dispatch's id, once the second dispatch is on the agent's topic.
     */
    private UUID escalatedForWantOfNewsAndRequeued(UUID taskId) {
        UUID first = escalatedForWantOfNews(taskId);
        String escalationId = jdbc.queryForObject(
                "SELECT id FROM escalations WHERE task_id = ? AND status <> 'RESOLVED'", String.class, taskId);
        Response requeued = api.postAs(
                "/api/v1/escalations/" + escalationId + "/resolve",
                Map.of("outcome", "REQUEUED", "note", "agent restarted"),
                "alice");
        assertThat(requeued.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatchIds(taskId).size() == 2);
        return first;
    }

    /** Runs the task's first dispatch until the supervisor escalates it for want of news; returns the dispatch's id. */
    private UUID escalatedForWantOfNews(UUID taskId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatchIds(taskId).size() == 1);
        UUID first = dispatchIds(taskId).getFirst();
        agent.sendAll(
                taskId.toString(),
                List.of(agent.reportOn(first, taskId, "inventory", ReportedTaskStatus.RUNNING, null, null, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("RUNNING"));
        clock.advance(QUIET_LIMIT.plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(taskId).equals("ESCALATED"));
        return first;
    }

    /**
     * Requeues the escalated task as an instance from before dispatch ids does during a rolling deploy: the escalation
     * resolved, the task QUEUED again and a dispatch of its own sent under a message id of its own, while dispatch_id,
     * a column that instance does not know, still names the dispatch replaced. Returns the new dispatch's id, once it
     * is on the agent's topic.
     */
    private UUID requeuedByAnInstanceFromBeforeDispatchIds(UUID taskId) {
        MessageEnvelope replaced = TOPICS.forTask(taskId).getLast();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE escalations SET status = 'RESOLVED', resolved_by = 'alice', resolved_at = ?,"
                        + " outcome = 'REQUEUED', resolution = 'requeued to inventory by alice'"
                        + " WHERE task_id = ? AND status <> 'RESOLVED'",
                now,
                taskId);
        jdbc.update(
                "UPDATE tasks SET status = 'QUEUED', output_data = NULL, error_message = NULL, failure = NULL,"
                        + " errors = NULL, progress = 0, updated_at = ?, started_at = NULL, completed_at = NULL"
                        + " WHERE id = ?",
                now,
                taskId);
        jdbc.update(
                "INSERT INTO task_transitions (task_id, from_status, to_status, actor, reason, occurred_at)"
                        + " VALUES (?, 'ESCALATED', 'QUEUED', 'alice', 'requeued to inventory by alice', ?)",
                taskId,
                now);
        UUID dispatchId = UUID.randomUUID();
        MessageEnvelope dispatch = new MessageEnvelope(
                replaced.version(),
                new MessageEnvelope.Header(
                        dispatchId,
                        replaced.header().correlationId(),
                        now.toInstant(),
                        replaced.header().priority(),
                        replaced.header().ttlMs()),
                replaced.sender(),
                replaced.recipient(),
                replaced.payload(),
                replaced.metadata());
        kafka.send(
                        Topics.agentTasks(
                                "inventory", Priority.bandOf(replaced.header().priority())),
                        taskId.toString(),
                        codec.encode(dispatch.withRetryCount(replaced.metadata().retryCount() + 1)))
                .join();
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatchIds(taskId).contains(dispatchId));
        return dispatchId;
    }

    /** The message ids of the task's dispatches on the agent's topics, in the order sent. */
    private static List<UUID> dispatchIds(UUID taskId) {
        return TOPICS.forTask(taskId).stream().map(MessageEnvelope::messageId).toList();
    }

    /** Whether the supervisor has applied (or ignored) every one of these reports. */
    private boolean applied(List<MessageEnvelope> reports) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE consumer = 'supervisor-lifecycle' AND message_id = ANY (?)",
                Integer.class,
                (Object) reports.stream().map(MessageEnvelope::messageId).toArray(UUID[]::new));
        return count != null && count == reports.size();
    }

    private double superseded(String status) {
        var counter = meters.find("supervisor.agent.reports.superseded")
                .tag("status", status)
                .tag("agent", "inventory")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID create() {
        Response created = api.post("/api/v1/agents/tasks", ofType("fixture-reorder-points"));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("/task_id"));
    }

    private String status(UUID taskId) {
        return api.get("/api/v1/agents/tasks/" + taskId).text("/status");
    }

    private int attempts(UUID taskId) {
        return api.get("/api/v1/agents/tasks/" + taskId).body().path("attempts").asInt();
    }

    private double staleCount(String agentType) {
        var counter =
                meters.find("supervisor.tasks.stale").tag("agent", agentType).counter();
        return counter == null ? 0 : counter.count();
    }

    private String openEscalationReason(UUID taskId) {
        return jdbc.queryForObject(
                "SELECT reason FROM escalations WHERE task_id = ? AND status <> 'RESOLVED'", String.class, taskId);
    }

    private static List<String> transitions(Response task) {
        return task.body()
                .path("transitions")
                .valueStream()
                .map(t -> t.path("to").asString())
                .toList();
    }
}
