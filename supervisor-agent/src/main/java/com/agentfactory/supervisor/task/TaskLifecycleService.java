package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.supervisor.capability.TaskTypeCatalog;
import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.RegisteredAgent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Every state change after intake: agents' reports, escalation (of failed tasks and of tasks nothing is heard of),
 * expiry, cancellation and the decisions
 * of the people working the escalation queue. Each change locks the task row, checks the move is legal
 * and stores the transition with its actor and reason. Callers supply the transaction. A task that needs
 * a person is announced as {@link TasksEscalated} in that transaction; the escalation queue is not written here.
 */
@Service
public class TaskLifecycleService {

    private static final Logger log = LoggerFactory.getLogger(TaskLifecycleService.class);
    private static final String SUPERVISOR = TaskDispatcher.SUPERVISOR_TYPE;

    private final TaskRepository tasks;
    private final ApplicationEventPublisher events;
    private final TaskDispatcher dispatcher;
    private final OutboxWriter outbox;
    private final TaskTypeCatalog catalog;
    private final AgentRegistry registry;
    private final Clock clock;
    private final MeterRegistry meters;

    TaskLifecycleService(
            TaskRepository tasks,
            ApplicationEventPublisher events,
            TaskDispatcher dispatcher,
            OutboxWriter outbox,
            TaskTypeCatalog catalog,
            AgentRegistry registry,
            Clock clock,
            MeterRegistry meters) {
        this.tasks = tasks;
        this.events = events;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.catalog = catalog;
        this.registry = registry;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies agents' reports in their order, in the caller's transaction: every task they name is locked once
     * (in id order, so concurrent batches cannot deadlock), and the changes are written in one go. Stale or
     * out-of-order reports and reports for unknown tasks are ignored.
     */
    public void applyReports(List<TaskStatusChanged> reports) {
        Map<UUID, Task> current = new HashMap<>();
        tasks.findAllByIdForUpdate(reports.stream()
                        .map(TaskStatusChanged::taskId)
                        .distinct()
                        .toList())
                .forEach(task -> current.put(task.id(), task));
        Map<UUID, Set<UUID>> superseded = tasks.supersededDispatchIds(reports.stream()
                .filter(report -> report.dispatchId() != null && current.containsKey(report.taskId()))
                .map(TaskStatusChanged::taskId)
                .collect(Collectors.toSet()));
        Set<UUID> takenFromAgent = new HashSet<>(tasks.escalatedWhileWithAgent(current.values().stream()
                .filter(task -> task.status() == TaskStatus.ESCALATED)
                .map(Task::id)
                .toList()));
        Map<UUID, Task> changed = new LinkedHashMap<>();
        List<TaskTransition> transitions = new ArrayList<>();
        List<TasksEscalated.Escalated> escalated = new ArrayList<>();
        List<EscalatedTasksAnswered.Answered> answered = new ArrayList<>();
        // the tasks among escalated, not yet published
        Set<UUID> escalatedHere = new HashSet<>();
        Instant now = clock.instant();
        for (TaskStatusChanged report : reports) {
            Task task = current.get(report.taskId());
            if (task == null) {
                log.warn("Report {} for unknown task {} ignored", report.status(), report.taskId());
                continue;
            }
            boolean ofEarlierDispatch = isOfEarlierDispatch(report, superseded.getOrDefault(task.id(), Set.of()));
            if (ofEarlierDispatch && report.status() != ReportedTaskStatus.COMPLETED) {
                ignoreSuperseded(task, report);
                continue;
            }
            boolean taken = takenFromAgent.contains(task.id());
            if (taken && escalatedHere.contains(task.id())) {
                // its escalation, opened by a report earlier in this poll, must exist before this result closes it
                publishEscalationChanges(answered, escalated, escalatedHere);
            }
            Task next = report.status() == null
                    ? escalateUnknownOutcome(task, report, now, transitions, escalated)
                    : apply(task, report, taken, ofEarlierDispatch, now, transitions, escalated, answered);
            if (next != task) {
                if (report.status() == null) {
                    // escalated while the agent held it, as escalatedWhileWithAgent finds it in a later poll: the
                    // agent's result, later in this poll or the next, overtakes the escalation alike
                    takenFromAgent.add(next.id());
                    escalatedHere.add(next.id());
                } else {
                    // escalated again from here on, it is no longer the escalation the agent's result overtakes
                    takenFromAgent.remove(next.id());
                    if (next.status() == TaskStatus.ESCALATED) {
                        escalatedHere.add(next.id());
                    }
                }
                current.put(next.id(), next);
                changed.put(next.id(), next);
            }
        }
        tasks.updateAll(List.copyOf(changed.values()));
        if (!transitions.isEmpty()) {
            tasks.insertTransitions(transitions);
        }
        publishEscalationChanges(answered, escalated, escalatedHere);
        transitions.forEach(t -> count(t.toStatus(), current.get(t.taskId()).assignedAgentType()));
    }

    /**
     * Hands the escalations the reports so far closed and opened to the queue, and clears them. Closed before any new
     * escalation of the same task is opened: a task has one open escalation at most.
     */
    private void publishEscalationChanges(
            List<EscalatedTasksAnswered.Answered> answered,
            List<TasksEscalated.Escalated> escalated,
            Set<UUID> escalatedHere) {
        if (!answered.isEmpty()) {
            events.publishEvent(new EscalatedTasksAnswered(answered));
            answered.clear();
        }
        if (!escalated.isEmpty()) {
            events.publishEvent(new TasksEscalated(escalated));
            escalated.clear();
        }
        escalatedHere.clear();
    }

    /**
     * Whether the report is about a dispatch of the task that a later one replaced (a person's requeue), among the
     * task's {@code supersededDispatches}. Not merely one other than the task's dispatch_id: an instance from before
     * dispatch ids requeues a task under a dispatch id of its own and leaves dispatch_id naming the one it replaced, and
     * the reports of the dispatch really running would all be ignored. A dispatch the task does not know it replaced is
     * taken as its current one, and so is a report naming no dispatch (from a runtime older than dispatch ids, or about
     * a task message the agent could not read), as before.
     */
    private static boolean isOfEarlierDispatch(TaskStatusChanged report, Set<UUID> supersededDispatches) {
        return report.dispatchId() != null && supersededDispatches.contains(report.dispatchId());
    }

    /**
     * An earlier dispatch's ASSIGNED, RUNNING, FAILED or EXPIRED report, or one without a status, says nothing of the
     * dispatch the task is now with: applied, a failure of the agent the task was taken from would fail or escalate it
     * while the requeued dispatch runs, and its progress would move a task still waiting in the queue.
     */
    private void ignoreSuperseded(Task task, TaskStatusChanged report) {
        String status = report.status() == null ? "NONE" : report.status().name();
        log.info(
                "Report {} for task {} ignored: it is about dispatch {} from {} (attempt {}), which the task has since"
                        + " been sent again after (its latest dispatch known: {})",
                status,
                task.id(),
                report.dispatchId(),
                report.instanceId() != null ? report.instanceId() : report.agentType(),
                report.attempt(),
                task.dispatchId());
        meters.counter("supervisor.agent.reports.superseded", "status", status, "agent", agentTag(report.agentType()))
                .increment();
    }

    // the task after the report, or the same instance when the report does not move it
    private Task apply(
            Task task,
            TaskStatusChanged report,
            boolean takenFromAgent,
            boolean ofEarlierDispatch,
            Instant now,
            List<TaskTransition> transitions,
            List<TasksEscalated.Escalated> escalated,
            List<EscalatedTasksAnswered.Answered> answered) {
        TaskStatus next = TaskStatus.valueOf(report.status().name());
        boolean overtakesEscalation = takenFromAgent && TaskStatus.acceptsResultAfterSupervisorGaveUp(next);
        if (!task.status().acceptsReport(next) && !overtakesEscalation) {
            log.debug("Report {} for task {} in state {} ignored", next, task.id(), task.status());
            return task;
        }
        String actor = report.instanceId() != null ? report.instanceId() : report.agentType();
        int progress = report.progress() == null ? task.progress() : Math.max(task.progress(), report.progress());
        if (next == TaskStatus.RUNNING && task.status() == TaskStatus.RUNNING) {
            return copy(
                    task,
                    TaskStatus.RUNNING,
                    progress,
                    task.outputData(),
                    task.errorMessage(),
                    task.failure(),
                    task.errors(),
                    Math.max(task.attempts(), report.attempt()),
                    now,
                    task.startedAt(),
                    null);
        }
        // an agent may report on a task erased while it held it: its output, error and field errors are about the
        // customer too, and so are its words wherever the reasons of the task's moves repeat them
        boolean erased = TaskPersonalData.isErased(task);
        String said = erased && report.error() != null ? TaskPersonalData.ERASED_TEXT : report.error();
        String why = task.status() == TaskStatus.EXPIRED
                ? reasonOf(report, said) + " (started before expires_at " + task.expiresAt()
                        + "; the expiry had not yet seen it running)"
                : overtakesEscalation
                        ? reasonOf(report, said) + " (after the supervisor had escalated it, not knowing its outcome)"
                        : reasonOf(report, said);
        if (ofEarlierDispatch) {
            // Only a COMPLETED report of an earlier dispatch comes this far, and it is taken as the task's outcome,
            // as a late result is after an expiry or an escalation for want of news: the work was done, its effects
            // are there whatever the task says, and the escalation's reason warned that a requeue may have it done
            // twice. Ignored, the task would wait for a second run that may fail where the first succeeded, and a
            // person would be asked to act on work already done. The requeued dispatch cannot be called back and may
            // still run; its reports come to a finished task and are ignored.
            why += " (by dispatch " + report.dispatchId() + ", which the task was sent again after; dispatch "
                    + task.dispatchId() + " may still run)";
            log.info(
                    "Task {} completed by its earlier dispatch {}; dispatch {} may still run",
                    task.id(),
                    report.dispatchId(),
                    task.dispatchId());
        }
        transitions.add(new TaskTransition(task.id(), task.status(), next, actor, why, now));
        if (overtakesEscalation) {
            answered.add(new EscalatedTasksAnswered.Answered(task.id(), actor, next == TaskStatus.COMPLETED, why, now));
        }
        Instant startedAt = task.startedAt() == null && next != TaskStatus.EXPIRED ? now : task.startedAt();
        TaskStatus finalStatus = next;
        Instant completedAt = next == TaskStatus.COMPLETED || next == TaskStatus.EXPIRED ? now : null;
        FailureKind failure = next == TaskStatus.FAILED ? report.failure() : null;
        List<FieldErrorDetail> errors =
                next == TaskStatus.FAILED && report.errors() != null && !erased ? report.errors() : List.of();
        if (next == TaskStatus.FAILED) {
            if (failure != null && failure.isFinalAnswer()) {
                // the agent's answer about the request itself (invalid input, a rule, not found): a person
                // could not do better, so the caller gets it as the task's outcome
                completedAt = now;
            } else {
                String reason = escalationReason(report, said);
                transitions.add(new TaskTransition(
                        task.id(), TaskStatus.FAILED, TaskStatus.ESCALATED, SUPERVISOR, reason, now));
                escalated.add(new TasksEscalated.Escalated(task.id(), reason, now));
                finalStatus = TaskStatus.ESCALATED;
            }
        }
        return copy(
                task,
                finalStatus,
                next == TaskStatus.COMPLETED ? 100 : progress,
                TaskPersonalData.outputToKeep(task, report.output()),
                erased ? null : report.error(),
                failure,
                errors,
                Math.max(task.attempts(), report.attempt()),
                now,
                startedAt,
                completedAt);
    }

    // the forms of this and reasonOf are what an erasure recognises to replace only the agent's words in them
    private static String escalationReason(TaskStatusChanged report, String said) {
        if (report.failure() == FailureKind.UNSUPPORTED_TASK_TYPE) {
            return report.agentType() + " has no handler for the task type: " + said;
        }
        return "retries exhausted after " + report.attempt() + " attempt(s): " + said;
    }

    /**
     * A report that names its task but no status is the agent's word on it all the same, perhaps its last: the
     * supervisor cannot tell what became of the task, so a person is asked. Ignored once no agent holds the task.
     */
    private Task escalateUnknownOutcome(
            Task task,
            TaskStatusChanged report,
            Instant now,
            List<TaskTransition> transitions,
            List<TasksEscalated.Escalated> escalated) {
        if (!task.status().isWithAgent()) {
            log.debug("Report without a status for task {} in state {} ignored", task.id(), task.status());
            return task;
        }
        String reason = (report.agentType() == null ? "its agent" : report.agentType())
                + " sent a report on the task without a status (attempt " + report.attempt()
                + "), so whether it finished is not known";
        return handToPerson(task, reason, now, transitions, escalated);
    }

    /**
     * Escalates tasks an agent has taken (ASSIGNED, RUNNING) that nothing has been heard of for {@code quietFor}: their
     * final report may have been lost, or the agent died with them (a redelivery after an agent's crash reports RUNNING
     * again within a minute or so, and progress reports count as news). Not a QUEUED task: its dispatch may still wait
     * on the agent's topic while the agent is down, and a person requeueing it would have it run twice; its expires_at
     * guards it, since the agent refuses a task past it. An ASSIGNED task past expires_at is left to the expiry. Locks
     * with SKIP LOCKED, so replicas share the work; returns how many.
     */
    public int escalateStale(Duration quietFor, int limit) {
        Instant now = clock.instant();
        List<Task> stale = tasks.lockStale(now.minus(quietFor), now, limit);
        List<TaskTransition> transitions = new ArrayList<>();
        List<TasksEscalated.Escalated> escalated = new ArrayList<>();
        List<Task> changed = new ArrayList<>(stale.size());
        for (Task task : stale) {
            String reason = "nothing heard of the task for " + quietFor.toMinutes() + " min since "
                    + task.updatedAt() + " while " + task.status() + " with "
                    + (task.assignedAgentType() == null ? "its agent" : "the " + task.assignedAgentType() + " agent")
                    + ": its result may have been lost, or the agent may still be working on it and finish it, and its"
                    + " result is then taken; requeueing or completing it now may have the work done twice";
            changed.add(handToPerson(task, reason, now, transitions, escalated));
            meters.counter("supervisor.tasks.stale", "agent", agentTag(task.assignedAgentType()))
                    .increment();
        }
        tasks.updateAll(changed);
        if (!transitions.isEmpty()) {
            tasks.insertTransitions(transitions);
            events.publishEvent(new TasksEscalated(escalated));
        }
        changed.forEach(task -> count(TaskStatus.ESCALATED, task.assignedAgentType()));
        return stale.size();
    }

    private static Task handToPerson(
            Task task,
            String reason,
            Instant now,
            List<TaskTransition> transitions,
            List<TasksEscalated.Escalated> escalated) {
        transitions.add(new TaskTransition(task.id(), task.status(), TaskStatus.ESCALATED, SUPERVISOR, reason, now));
        escalated.add(new TasksEscalated.Escalated(task.id(), reason, now));
        return copy(
                task,
                TaskStatus.ESCALATED,
                task.progress(),
                task.outputData(),
                reason,
                null,
                List.of(),
                task.attempts(),
                now,
                task.startedAt(),
                null);
    }

    /** Expires tasks whose time ran out before an agent started them; returns how many. */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        List<Task> due = tasks.lockExpired(now, limit);
        List<TaskTransition> transitions = new ArrayList<>();
        for (Task task : due) {
            tasks.update(copy(
                    task,
                    TaskStatus.EXPIRED,
                    task.progress(),
                    null,
                    "expired at " + task.expiresAt() + " before an agent started it",
                    null,
                    List.of(),
                    task.attempts(),
                    now,
                    task.startedAt(),
                    now));
            transitions.add(new TaskTransition(
                    task.id(),
                    task.status(),
                    TaskStatus.EXPIRED,
                    SUPERVISOR,
                    "expires_at " + task.expiresAt() + " passed",
                    now));
            count(TaskStatus.EXPIRED, task.assignedAgentType());
        }
        if (!transitions.isEmpty()) {
            tasks.insertTransitions(transitions);
        }
        return due.size();
    }

    /**
     * Locks the task for the caller's transaction, for a caller about to lock something of the task's besides (its
     * escalation): every change of a task locks the task before anything else of it, and a caller taking them the
     * other way round would deadlock with an agent's report, a cancel or an erasure of the task.
     */
    public void lockTask(UUID taskId) {
        lock(taskId);
    }

    /**
     * Cancels the task for this person, with the note they typed (or none); returns the reason recorded for the move,
     * which the supervisor words itself when they typed none.
     */
    public String cancel(UUID taskId, String person, String note) {
        Task task = lock(taskId);
        String actor = recordedActor(person);
        if (task.status().isWithAgent()) {
            throw new TaskStateConflictException("task " + taskId + " is " + task.status() + ": it was sent to the "
                    + task.assignedAgentType() + " agent, which cannot be called back, so it will still complete, "
                    + "fail, expire or, once the agent has taken it and left it too long without news, be escalated; "
                    + "only a task no agent holds (ESCALATED) can be cancelled");
        }
        if (!task.status().isCancellable()) {
            throw new TaskStateConflictException(
                    "task " + taskId + " is " + task.status() + " and can no longer be cancelled");
        }
        Instant now = clock.instant();
        Task cancelled = copy(
                task,
                TaskStatus.CANCELLED,
                task.progress(),
                task.outputData(),
                task.errorMessage(),
                task.failure(),
                task.errors(),
                task.attempts(),
                now,
                task.startedAt(),
                now);
        tasks.update(cancelled);
        String why = TaskPersonalData.noteToKeep(task, note, "cancelled by " + actor);
        tasks.insertTransitions(
                List.of(new TaskTransition(taskId, task.status(), TaskStatus.CANCELLED, actor, why, now)));
        if (task.status() == TaskStatus.ESCALATED) {
            events.publishEvent(new EscalatedTaskCancelled(taskId, actor, why, now));
        }
        count(TaskStatus.CANCELLED, task.assignedAgentType());
        return why;
    }

    /** A person finished an escalated task by hand; returns the reason recorded for the move, as {@link #cancel}. */
    public String completeByPerson(UUID taskId, JsonNode output, String person, String note) {
        Task task = lockEscalated(taskId);
        String actor = recordedActor(person);
        Instant now = clock.instant();
        tasks.update(copy(
                task,
                TaskStatus.COMPLETED,
                100,
                TaskPersonalData.outputToKeep(task, output),
                task.errorMessage(),
                task.failure(),
                task.errors(),
                task.attempts(),
                now,
                task.startedAt(),
                now));
        String why = TaskPersonalData.noteToKeep(task, note, "completed by " + actor);
        tasks.insertTransitions(
                List.of(new TaskTransition(taskId, TaskStatus.ESCALATED, TaskStatus.COMPLETED, actor, why, now)));
        count(TaskStatus.COMPLETED, task.assignedAgentType());
        return why;
    }

    /**
     * A person sent an escalated task (back) to an agent; a fresh dispatch goes out with the retry counted. Sent
     * to another agent, or as another task type, it goes as a task type that agent handles and whose schema its
     * input meets: anything else the agent would refuse, and the task would come straight back. A task whose
     * deadline has passed while it waited for a person needs a new one ({@code expiresAt}): queued with the old,
     * it would expire at once after the person was told it had been sent. Returns the reason recorded for the move,
     * as {@link #cancel}.
     */
    public String requeue(
            UUID taskId,
            UUID agentId,
            String agentType,
            String taskType,
            Instant expiresAt,
            String person,
            String note) {
        Task task = lockEscalated(taskId);
        String actor = recordedActor(person);
        UUID targetId = agentId != null ? agentId : task.assignedAgentId();
        String targetType = agentType != null ? agentType : task.assignedAgentType();
        if (targetType == null) {
            throw new TaskStateConflictException("task " + taskId + " was never routed: name the agent to send it to");
        }
        // as the router, which sends nothing to an agent taken out of service
        if (registry.byType(targetType).filter(agent -> !agent.isActive()).isPresent()) {
            throw RuleViolationException.of(
                    "agent_type", "agent " + targetType + " is not active: name another agent to send the task to");
        }
        String queuedType =
                agentType == null && taskType == null ? task.taskType() : handledTaskType(task, targetType, taskType);
        Instant now = clock.instant();
        Instant expiry = expiresAt != null ? expiresAt : task.expiresAt();
        if (expiry != null && !expiry.isAfter(now)) {
            throw RuleViolationException.of(
                    "expires_at",
                    expiresAt != null
                            ? "must be in the future"
                            : "the task expired at " + expiry + ": give it a new expires_at to requeue it");
        }
        Task queued = new Task(
                task.id(),
                queuedType,
                TaskStatus.QUEUED,
                task.priority(),
                targetId,
                targetType,
                task.inputData(),
                null,
                null,
                null,
                List.of(),
                0,
                task.attempts(),
                task.routingMethod(),
                task.routingConfidence(),
                task.routingReason(),
                task.correlationId(),
                task.traceId(),
                task.requestedBy(),
                expiry,
                task.createdAt(),
                now,
                null,
                null,
                // a new dispatch; the database records the one it replaces as superseded, whose reports then no
                // longer move the task (but its result, see applyReports)
                UUID.randomUUID());
        tasks.update(queued);
        // with no note typed, the history still says which agent the task went to
        String why = TaskPersonalData.noteToKeep(task, note, "requeued to " + targetType + " by " + actor);
        tasks.insertTransitions(
                List.of(new TaskTransition(taskId, TaskStatus.ESCALATED, TaskStatus.QUEUED, actor, why, now)));
        outbox.appendAll(List.of(dispatcher.dispatch(queued, task.attempts(), now)));
        count(TaskStatus.QUEUED, targetType);
        return why;
    }

    /**
     * The task type to send the task to this agent as: the one asked for, else its own if the agent handles it,
     * else the agent's default for free text (as the router would have chosen).
     */
    private String handledTaskType(Task task, String agentType, String requested) {
        List<String> handled = catalog.taskTypesOf(agentType);
        String chosen = requested;
        if (chosen == null) {
            chosen = handled.contains(task.taskType())
                    ? task.taskType()
                    : registry.byType(agentType)
                            .flatMap(RegisteredAgent::defaultTaskType)
                            .orElse(null);
        }
        if (chosen == null || !handled.contains(chosen)) {
            throw RuleViolationException.of(
                    "task_type",
                    agentType + " does not handle task type '" + (chosen == null ? task.taskType() : chosen)
                            + "': name one of " + handled);
        }
        List<FieldErrorDetail> violations = catalog.violations(agentType, chosen, task.inputData());
        if (!violations.isEmpty()) {
            throw RuleViolationException.of(
                    "task_type",
                    "the task's input does not match the input schema of '" + chosen + "': "
                            + violations.stream()
                                    .map(v -> (v.field().isEmpty() ? "input_data" : "input_data." + v.field()) + " "
                                            + v.message())
                                    .toList());
        }
        return chosen;
    }

    /**
     * Who a person's move of a task is recorded as: a customer erased here not by their id, which their erasure took
     * out of the moves they had made. Asked under the task's lock, which the erasure takes after marking the customer:
     * an erasure of the task's customer either committed before and is seen here, or waits and then replaces the move
     * with the rest.
     */
    private String recordedActor(String person) {
        return TaskPersonalData.customerId(person)
                .filter(customer -> tasks.erasedAmong(Set.of(customer)).contains(customer))
                .map(customer -> TaskPersonalData.ERASED_CUSTOMER)
                .orElse(person);
    }

    private Task lockEscalated(UUID taskId) {
        Task task = lock(taskId);
        if (task.status() != TaskStatus.ESCALATED) {
            throw new TaskStateConflictException("task " + taskId + " is " + task.status() + ", not ESCALATED");
        }
        return task;
    }

    private Task lock(UUID taskId) {
        return tasks.findByIdForUpdate(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    private void count(TaskStatus status, String agentType) {
        meters.counter("supervisor.tasks.transitions", "status", status.name(), "agent", agentTag(agentType))
                .increment();
    }

    private static String agentTag(String agentType) {
        return agentType == null ? "none" : agentType;
    }

    /** Why the report moved the task; {@code said} stands for the agent's error in it. */
    private static String reasonOf(TaskStatusChanged report, String said) {
        return switch (report.status()) {
            case ASSIGNED -> "picked up by " + report.agentType();
            case RUNNING -> "attempt " + report.attempt();
            case COMPLETED -> "completed on attempt " + report.attempt();
            case FAILED -> said;
            case EXPIRED -> said == null ? "expired at the agent" : said;
        };
    }

    private static Task copy(
            Task task,
            TaskStatus status,
            int progress,
            JsonNode output,
            String error,
            FailureKind failure,
            List<FieldErrorDetail> errors,
            int attempts,
            Instant updatedAt,
            Instant startedAt,
            Instant completedAt) {
        return new Task(
                task.id(),
                task.taskType(),
                status,
                task.priority(),
                task.assignedAgentId(),
                task.assignedAgentType(),
                task.inputData(),
                output,
                error,
                failure,
                errors,
                progress,
                attempts,
                task.routingMethod(),
                task.routingConfidence(),
                task.routingReason(),
                task.correlationId(),
                task.traceId(),
                task.requestedBy(),
                task.expiresAt(),
                task.createdAt(),
                updatedAt,
                startedAt,
                completedAt,
                task.dispatchId());
    }
}
