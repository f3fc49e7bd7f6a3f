package com.agentfactory.finance.budget;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The budget check as an agent task: input {department, amount, currency, purpose, requested_by,
 * fiscal_period?}; output the reservation ({@code approved: true}) or the refusal ({@code approved: false}
 * with the reason and what is available). A refusal is an answer, so the task completes.
 */
@Component
class CheckBudgetTaskHandler implements AgentTaskHandler {

    static final String TASK_TYPE = "check-budget";

    private final BudgetService budgets;
    private final EnvelopeCodec codec;
    private final Validator validator;
    private final AuditActor auditActor;

    CheckBudgetTaskHandler(BudgetService budgets, EnvelopeCodec codec, Validator validator, AuditActor auditActor) {
        this.budgets = budgets;
        this.codec = codec;
        this.validator = validator;
        this.auditActor = auditActor;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        CheckBudgetInput input;
        try {
            input = codec.fromTree(task.input(), CheckBudgetInput.class);
        } catch (MalformedEnvelopeException e) {
            throw new NonRetryableTaskException("check-budget input is not readable: " + e.getMessage(), e);
        }
        if (input == null) {
            throw new NonRetryableTaskException("check-budget needs an input");
        }
        var problems = java.util.stream.Stream.concat(
                        validator.validate(input).stream().map(v -> v.getPropertyPath() + " " + v.getMessage()),
                        validator.validate(input.asReservation()).stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage()))
                .sorted()
                .toList();
        if (!problems.isEmpty()) {
            throw new NonRetryableTaskException("check-budget input is invalid: " + problems);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        // the agent that asked acts, as far as the audit trail is concerned
        var outcome = auditActor.callAs(
                Actor.agent(input.requestedBy()), () -> budgets.reserve(input.department(), input.asReservation()));
        switch (outcome) {
            case ReservationOutcome.Reserved reserved -> {
                output.put("approved", true);
                output.put("reservation_id", reserved.reservation().id().toString());
                output.put("department", reserved.budget().department());
                output.put("fiscal_period", reserved.budget().fiscalPeriod());
                output.put("amount", reserved.reservation().amount());
                output.put("currency", reserved.reservation().currency());
                output.put("available_amount", reserved.budget().available());
            }
            case ReservationOutcome.Refused refused -> {
                output.put("approved", false);
                output.put("reason", refused.reason().name().toLowerCase(java.util.Locale.ROOT));
                output.put("message", refused.message());
                output.put("available_amount", refused.available());
            }
        }
        return codec.toTree(output);
    }
}
