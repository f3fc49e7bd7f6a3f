package com.agentfactory.supervisor.escalation;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.RegisteredAgent;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The people's side of escalation: list, claim, resolve; resolving moves the task on in the same transaction. */
@Service
class EscalationService {

    private final EscalationRepository escalations;
    private final TaskLifecycleService lifecycle;
    private final AgentRegistry registry;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EscalationService(
            EscalationRepository escalations,
            TaskLifecycleService lifecycle,
            AgentRegistry registry,
            TransactionTemplate transactions,
            Clock clock) {
        this.escalations = escalations;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    PageResponse<EscalationResponse> list(EscalationStatus status, int page, int limit) {
        return PageResponse.of(
                escalations.page(status, page, limit).stream()
                        .map(EscalationResponse::of)
                        .toList(),
                escalations.count(status),
                page,
                limit);
    }

    EscalationResponse get(UUID id) {
        return EscalationResponse.of(escalations.findById(id).orElseThrow(() -> new EscalationNotFoundException(id)));
    }

    EscalationResponse claim(UUID id, String actor) {
        return transactions.execute(status -> {
            Escalation escalation = lockOpenFor(id, actor);
            Escalation claimed = new Escalation(
                    escalation.id(),
                    escalation.taskId(),
                    escalation.reason(),
                    EscalationStatus.CLAIMED,
                    actor,
                    clock.instant(),
                    null,
                    null,
                    null,
                    null,
                    escalation.createdAt());
            escalations.update(claimed);
            return EscalationResponse.of(claimed);
        });
    }

    EscalationResponse resolve(UUID id, ResolveEscalationRequest request, String actor) {
        return transactions.execute(status -> {
            Escalation escalation = lockOpenFor(id, actor);
            // the task's history and the escalation keep one note: the lifecycle's, which keeps no words of a
            // person about a customer erased while the task waited for them
            String note =
                    switch (request.outcome()) {
                        case COMPLETED ->
                            lifecycle.completeByPerson(
                                    escalation.taskId(), request.outputData(), actor, request.note());
                        case CANCELLED -> lifecycle.cancel(escalation.taskId(), actor, request.note());
                        case REQUEUED -> {
                            RegisteredAgent agent = request.agentType() == null
                                    ? null
                                    : registry.byType(request.agentType())
                                            .orElseThrow(() -> RuleViolationException.of(
                                                    "agent_type", "no agent of type " + request.agentType()));
                            yield lifecycle.requeue(
                                    escalation.taskId(),
                                    agent == null ? null : agent.id(),
                                    agent == null ? null : agent.type(),
                                    request.taskType(),
                                    request.expiresAt(),
                                    actor,
                                    request.note());
                        }
                    };
            Instant now = clock.instant();
            Escalation resolved = new Escalation(
                    escalation.id(),
                    escalation.taskId(),
                    escalation.reason(),
                    EscalationStatus.RESOLVED,
                    escalation.claimedBy() == null ? actor : escalation.claimedBy(),
                    escalation.claimedAt() == null ? now : escalation.claimedAt(),
                    actor,
                    now,
                    request.outcome(),
                    note,
                    escalation.createdAt());
            escalations.update(resolved);
            return EscalationResponse.of(resolved);
        });
    }

    /**
     * Locks the escalation's task and then the escalation, and checks that this person may act on it: not resolved,
     * not someone else's. The task first, as an agent's report, a cancel and an erasure lock it before they close or
     * rewrite its escalation: the escalation first, a person acting as the agent's late result came would deadlock
     * with it. The state is read again under the locks, as the result may have closed the escalation meanwhile.
     */
    private Escalation lockOpenFor(UUID id, String actor) {
        UUID taskId =
                escalations.findById(id).map(Escalation::taskId).orElseThrow(() -> new EscalationNotFoundException(id));
        lifecycle.lockTask(taskId);
        Escalation escalation =
                escalations.findByIdForUpdate(id).orElseThrow(() -> new EscalationNotFoundException(id));
        if (escalation.status() == EscalationStatus.RESOLVED) {
            throw new EscalationConflictException("escalation " + id + " is already resolved");
        }
        if (escalation.status() == EscalationStatus.CLAIMED
                && !escalation.claimedBy().equals(actor)) {
            throw new EscalationConflictException("escalation " + id + " is claimed by " + escalation.claimedBy());
        }
        return escalation;
    }
}
