package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.trace.TraceContext;
import com.agentfactory.supervisor.capability.TaskTypeCatalog;
import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.routing.RoutingDecision;
import com.agentfactory.supervisor.routing.TaskRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts tasks (routed, their input checked against the announced schema of their task type, durable,
 * dispatched through the outbox) and answers what became of them.
 */
@Service
class TaskService {

    // with the held-write patience (3 s) under the gateway's 10 s route timeout, so a caller through the gateway gets
    // the supervisor's own answer ("not stored, retry" or "outcome unknown" with the task ids), not the gateway's 504
    private static final Duration COMMIT_PATIENCE = Duration.ofSeconds(6);

    private final TaskRouter router;
    private final TaskTypeCatalog catalog;
    private final AgentRegistry registry;
    private final TaskLifecycleService lifecycle;
    private final TransactionTemplate transactions;
    private final TaskDispatcher dispatcher;
    private final TaskWriteBatcher writer;
    private final TaskRepository tasks;
    private final Clock clock;
    private final Timer routingLatency;

    TaskService(
            TaskRouter router,
            TaskTypeCatalog catalog,
            AgentRegistry registry,
            TaskLifecycleService lifecycle,
            TransactionTemplate transactions,
            TaskDispatcher dispatcher,
            TaskWriteBatcher writer,
            TaskRepository tasks,
            Clock clock,
            MeterRegistry meters) {
        this.router = router;
        this.catalog = catalog;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.writer = writer;
        this.tasks = tasks;
        this.clock = clock;
        this.routingLatency = Timer.builder("supervisor.routing.latency")
                .description("Time to classify and route a task")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    TaskCreatedResponse create(CreateTaskRequest request, String requestedBy, UUID correlationId) {
        NewTask task = prepare(request, requestedBy, correlationId, clock.instant());
        try {
            awaitCommit(List.of(task));
        } catch (ErasedCustomerTaskRefused refused) {
            throw refused.violation();
        }
        return TaskCreatedResponse.of(task.task());
    }

    /** Routes every task, then stores them all in one transaction; one invalid task rejects the whole batch. */
    List<TaskCreatedResponse> createAll(List<CreateTaskRequest> requests, String requestedBy, UUID correlationId) {
        Instant now = clock.instant();
        List<NewTask> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                batch.add(prepare(requests.get(i), requestedBy, correlationId, now));
            } catch (InvalidInputException invalid) {
                throw invalid.under("tasks[" + i + "]");
            }
        }
        try {
            awaitCommit(batch);
        } catch (ErasedCustomerTaskRefused refused) {
            throw refused.violation().under("tasks[" + refused.taskIndex() + "]");
        }
        return batch.stream().map(task -> TaskCreatedResponse.of(task.task())).toList();
    }

    private NewTask prepare(CreateTaskRequest sent, String sentBy, UUID correlationId, Instant now) {
        if (!sent.inputData().isObject()) {
            throw InvalidInputException.of("input_data", "must be a JSON object");
        }
        // the customer named as the erasure and the export look them up, however the client cased their id
        CreateTaskRequest request = new CreateTaskRequest(
                sent.taskType(),
                sent.agentId(),
                sent.priority(),
                TaskPersonalData.inputAsStored(sent.inputData()),
                sent.expiresAt());
        String requestedBy = TaskPersonalData.requesterAsStored(sentBy);
        RoutingDecision decision =
                routingLatency.record(() -> router.route(request.taskType(), request.agentId(), request.inputData()));
        if (!decision.isEscalated()) {
            requireValidInput(decision, request);
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw RuleViolationException.of("expires_at", "must be in the future");
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
                null,
                List.of(),
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
                null,
                decision.isEscalated() ? null : UUID.randomUUID());
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
                ? new NewTask(task, transitions, null, new TasksEscalated.Escalated(taskId, decision.reason(), now))
                : new NewTask(task, transitions, dispatcher.dispatch(task, 0, now), null);
    }

    /** The input must be what the routed task type's announced schema accepts, or the task is refused now. */
    private void requireValidInput(RoutingDecision decision, CreateTaskRequest request) {
        List<FieldErrorDetail> violations =
                catalog.violations(decision.agent().type(), decision.taskType(), request.inputData());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(
                    "input_data does not match the input schema of task type '" + decision.taskType()
                            + "' (GET /api/v1/agents/task-types shows it)",
                    violations.stream()
                            .map(violation -> new FieldErrorDetail(
                                    violation.field().isEmpty() ? "input_data" : "input_data." + violation.field(),
                                    violation.message()))
                            .toList());
        }
    }

    /** A task for the agent with this id; its task type defaults to the agent's own. */
    TaskCreatedResponse invoke(UUID agentId, InvokeAgentRequest request, String requestedBy, UUID correlationId) {
        registry.byId(agentId).orElseThrow(() -> new NotFoundException("No agent with id " + agentId));
        return create(
                new CreateTaskRequest(
                        request.taskType(), agentId, request.priority(), request.inputData(), request.expiresAt()),
                requestedBy,
                correlationId);
    }

    TaskResponse cancel(UUID taskId, String actor) {
        transactions.executeWithoutResult(status -> lifecycle.cancel(taskId, actor, null));
        return get(taskId);
    }

    /**
     * Stores the tasks of one request, all or none. A task naming a customer erased here (checked by the writer under
     * the customer's lock) refuses the request; one naming a customer whose erasure runs now gets it answered "not
     * stored, retry", not waited for, so that the erasure holds up no other request.
     */
    private void awaitCommit(List<NewTask> tasks) {
        writer.store(tasks, COMMIT_PATIENCE);
    }

    TaskResponse get(UUID taskId) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
        return TaskResponse.of(task, tasks.transitionsOf(taskId));
    }

    PageResponse<TaskSummaryResponse> list(TaskQuery query) {
        List<TaskSummaryResponse> page =
                tasks.page(query).stream().map(TaskSummaryResponse::of).toList();
        return PageResponse.of(page, tasks.count(query), query.page(), query.limit());
    }
}
