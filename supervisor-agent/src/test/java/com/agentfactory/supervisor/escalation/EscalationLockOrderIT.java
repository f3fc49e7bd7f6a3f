package com.agentfactory.supervisor.escalation;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static com.agentfactory.supervisor.support.TaskRequestMother.unclassified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person resolving an escalation while something else changes its task: the other side has locked the task and goes
 * on to close the escalation only once the person's resolve waits, so the two overlap the same way on every run.
 */
class EscalationLockOrderIT extends SupervisorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EscalationService escalations;

    @Autowired
    TaskLifecycleService lifecycle;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private AgentReports agent;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void agent() {
        agent = new AgentReports(kafka);
    }

    @Test
    void aPersonRequeueingAsTheAgentsLateResultIsAppliedIsToldTheAgentAnsweredInsteadOfDeadlocking() {
        UUID taskId = create(ofType("fixture-reorder-points"));
        // escalated while the inventory agent held it, so its result is still taken
        inOneTransaction(
                () -> lifecycle.applyReports(List.of(agent.asRead(agent.reportWithoutStatus(taskId, "inventory")))));
        UUID escalationId = openEscalationOf(taskId);
        var completed = agent.asRead(agent.reportOf(
                taskId, "inventory", ReportedTaskStatus.COMPLETED, json.readTree("{\"reorder_point\": 7}"), null, 1));

        CompletableFuture<EscalationResponse> person = resolveWhileTheTaskIsHeld(
                taskId,
                () -> lifecycle.applyReports(List.of(completed)),
                () -> escalations.resolve(escalationId, outcome(ResolutionOutcome.REQUEUED), "alice"));

        assertThat(person)
                .failsWithin(PATIENCE)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(EscalationConflictException.class)
                .withMessageContaining("already resolved");
        Response task = api.get("/api/v1/agents/tasks/" + taskId);
        assertThat(task.text("/status")).isEqualTo("COMPLETED");
        assertThat(task.body().at("/output_data/reorder_point").asInt()).isEqualTo(7);
        assertThat(jdbc.queryForMap("SELECT status, outcome, resolved_by FROM escalations WHERE id = ?", escalationId))
                .containsEntry("status", "RESOLVED")
                .containsEntry("outcome", "COMPLETED")
                .containsEntry("resolved_by", "inventory-test-instance");
    }

    @Test
    void aPersonCompletingATaskSomeoneElseIsCancellingIsToldItIsResolvedInsteadOfDeadlocking() {
        UUID taskId = create(unclassified("xyz"));
        UUID escalationId = openEscalationOf(taskId);

        CompletableFuture<EscalationResponse> person = resolveWhileTheTaskIsHeld(
                taskId,
                () -> lifecycle.cancel(taskId, "dave", null),
                () -> escalations.resolve(escalationId, outcome(ResolutionOutcome.COMPLETED), "carol"));

        assertThat(person)
                .failsWithin(PATIENCE)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(EscalationConflictException.class)
                .withMessageContaining("already resolved");
        assertThat(api.get("/api/v1/agents/tasks/" + taskId).text("/status")).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForMap("SELECT status, outcome, resolved_by FROM escalations WHERE id = ?", escalationId))
                .containsEntry("status", "RESOLVED")
                .containsEntry("outcome", "CANCELLED")
                .containsEntry("resolved_by", "dave");
    }

    /**
     * Locks the task in a transaction of its own, as any change of a task does first, starts the person's resolve, and
     * once that waits on the task runs {@code taskFirst} in the same transaction, which asserts that it commits. Returns
     * the person's resolve, done or failed.
     */
    private CompletableFuture<EscalationResponse> resolveWhileTheTaskIsHeld(
            UUID taskId, Runnable taskFirst, Supplier<EscalationResponse> resolve) {
        CountDownLatch taskLocked = new CountDownLatch(1);
        CountDownLatch personWaiting = new CountDownLatch(1);
        AtomicInteger holder = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(
                    () -> inOneTransaction(() -> {
                        holder.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                        jdbc.queryForList("SELECT id FROM tasks WHERE id = ? FOR UPDATE", taskId);
                        taskLocked.countDown();
                        awaitOrFail(personWaiting);
                        taskFirst.run();
                    }),
                    threads);
            awaitOrFail(taskLocked);
            CompletableFuture<EscalationResponse> person = CompletableFuture.supplyAsync(resolve, threads);
            await().atMost(PATIENCE).until(() -> isWaitedOn(holder.get()) || person.isDone());
            personWaiting.countDown();

            assertThat(first).succeedsWithin(PATIENCE);
            return person;
        }
    }

    private boolean isWaitedOn(int backend) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid)))",
                Boolean.class,
                backend));
    }

    private void inOneTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side of the race never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ResolveEscalationRequest outcome(ResolutionOutcome outcome) {
        var output = outcome == ResolutionOutcome.COMPLETED ? json.readTree("{\"answer\": \"done\"}") : null;
        return new ResolveEscalationRequest(outcome, null, output, null, null, null);
    }

    private UUID create(Map<String, Object> request) {
        Response created = api.post("/api/v1/agents/tasks", request);
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("/task_id"));
    }

    private UUID openEscalationOf(UUID taskId) {
        return jdbc.queryForObject(
                "SELECT id FROM escalations WHERE task_id = ? AND status <> 'RESOLVED'", UUID.class, taskId);
    }
}
