package com.agentfactory.finance.budget;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/** The budget check as an agent task: the same reservation the REST endpoint makes, answered as a record. */
@Component
class CheckBudgetTaskHandler implements TaskHandler<CheckBudgetRequest, BudgetCheckResponse> {

    static final String TASK_TYPE = "check-budget";

    private final BudgetService budgets;
    private final AuditActor auditActor;
    private final Clock clock;

    CheckBudgetTaskHandler(BudgetService budgets, AuditActor auditActor, Clock clock) {
        this.budgets = budgets;
        this.auditActor = auditActor;
        this.clock = clock;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Reserves an amount of a department's monthly budget before spending it, or answers why it does not"
                + " fit.";
    }

    @Override
    public CheckBudgetRequest example() {
        return new CheckBudgetRequest(
                "marketing",
                YearMonth.now(clock).toString(),
                null,
                new BigDecimal("250.00"),
                "GBP",
                "Google Ads, campaign spring-prints",
                "ad-agent",
                null);
    }

    @Override
    public BudgetCheckResponse handle(CheckBudgetRequest input, TaskContext context) {
        // the audit trail names who asked the supervisor, from their token; the input's requested_by is only what
        // the reservation says it is for, free text any caller may fill in
        Actor actor = context.requestedBy() == null
                ? Actor.agent(input.requestedBy())
                : Actor.requester(context.requestedBy());
        // a requeued task runs again under its id: keyed by it, the run answers the reservation the first one made
        // instead of making a second. The requester holds it, so the agent that asked commits it with its own token;
        // never input.requested_by, which anyone may write
        var outcome = auditActor.callAs(
                actor,
                () -> budgets.reserve(
                        input.department(),
                        input.asReservation(),
                        idempotencyKey(context),
                        null,
                        holderNamed(context.requestedBy())));
        return BudgetCheckResponse.of(outcome);
    }

    /** The requester as a holder, or null when the envelope names no one (or the visitor) who could settle it. */
    private static String holderNamed(String requester) {
        return Caller.userOf(requester) != null || Caller.agentOf(requester) != null ? requester : null;
    }

    /** In the department's key space shared with REST callers, whose keys are their own request ids. */
    private static String idempotencyKey(TaskContext context) {
        return "task:" + context.taskId();
    }
}
