package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.trace.TraceContext;
import com.agentfactory.messaging.web.FieldErrorDetail;
import com.agentfactory.messaging.web.RequestValidationException;
import com.agentfactory.supervisor.escalation.Escalation;
import com.agentfactory.supervisor.routing.RoutingDecision;
import com.agentfactory.supervisor.routing.TaskRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Accepts tasks (routed, durable, dispatched through the outbox) and answers what became of them. */
@Service
public class TaskService {

    private static final long COMMIT_TIMEOUT_SECONDS = 10;

    private final TaskRouter router;
    private final TaskDispatcher dispatcher;
    private final TaskWriteBatcher writer;
    private final TaskRepository tasks;
    private final Clock clock;
    private final Timer routingLatency;

    TaskService(
            TaskRouter router,
            TaskDispatcher dispatcher,
            TaskWriteBatcher writer,
            TaskRepository tasks,
            Clock clock,
            MeterRegistry meters) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.writer = writer;
        this.tasks = tasks;
        this.clock = clock;
        this.routingLatency = Timer.builder("supervisor.routing.latency")
                .description("Time to classify and route a task")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    public TaskCreatedResponse create(CreateTaskRequest request, String requestedBy, UUID correlationId) {
        NewTask task = prepare(request, requestedBy, correlationId, clock.instant());
        awaitCommit(List.of(task));
        return TaskCreatedResponse.of(task.task());
    }

    /** Routes every task, then stores them all in one transaction; one invalid task rejects the whole batch. */
    List<TaskCreatedResponse> createAll(List<CreateTaskRequest> requests, String requestedBy, UUID correlationId) {
        Instant now = clock.instant();
        List<NewTask> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                batch.add(prepare(requests.get(i), requestedBy, correlationId, now));
            } catch (RequestValidationException invalid) {
                throw invalid.under("tasks[" + i + "]");
            }
        }
        awaitCommit(batch);
        return batch.stream().map(task -> TaskCreatedResponse.of(task.task())).toList();
    }

    private NewTask prepare(CreateTaskRequest request, String requestedBy, UUID correlationId, Instant now) {
        if (!request.inputData().isObject()) {
            throw new RequestValidationException(
                    HttpStatus.BAD_REQUEST,
                    "input_data must be a JSON object",
                    List.of(new FieldErrorDetail("input_data", "must be a JSON object")));
        }
        RoutingDecision decision =
                routingLatency.record(() -> router.route(request.taskType(), request.agentId(), request.inputData()));
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw RequestValidationException.unprocessable("expires_at", "must be in the future");
        }
        UUID taskId = UUID.randomUUID();
        TaskStatus status = decision.isEscalated() ? TaskStatus.ESCALATED : TaskStatus.QUEUED;
        Task task = new Task(
                taskId,
                decision.taskType(),
                status,
                request.effectivePriority(),
                decision.agent() == null ? null : decision.agent().id(),
                decision.agent() == null ? null : decision.agent().type(),
                request.inputData(),
                null,
                null,
                0,
                0,
                decision.method().name(),
                decision.confidence(),
                decision.reason(),
                correlationId,
                TraceContext.currentOrNew().traceId(),
                requestedBy,
                request.expiresAt(),
                now,
                now,
                null,
                null);
        List<TaskTransition> transitions = new ArrayList<>();
        transitions.add(new TaskTransition(taskId, null, TaskStatus.CREATED, requestedBy, "accepted", now));
        transitions.add(new TaskTransition(
                taskId,
                TaskStatus.CREATED,
                status,
                TaskDispatcher.SUPERVISOR_TYPE,
                decision.method() + ": " + decision.reason(),
                now));
        return decision.isEscalated()
                ? new NewTask(task, transitions, null, Escalation.open(taskId, decision.reason(), now))
                : new NewTask(task, transitions, dispatcher.dispatch(task, 0, now), null);
    }

    private void awaitCommit(List<NewTask> tasks) {
        try {
            writer.submit(tasks).get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskNotStoredException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TaskNotStoredException(e);
        }
    }

    public TaskResponse get(UUID taskId) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        return TaskResponse.of(task, tasks.transitionsOf(taskId));
    }

    TaskSummaryResponse.Page list(TaskQuery query) {
        List<TaskSummaryResponse> page =
                tasks.page(query).stream().map(TaskSummaryResponse::of).toList();
        return new TaskSummaryResponse.Page(
                page, TaskSummaryResponse.Pagination.of(tasks.count(query), query.page(), query.limit()));
    }
}
