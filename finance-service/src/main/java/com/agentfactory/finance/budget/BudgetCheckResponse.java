package com.agentfactory.finance.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * The check-budget task's answer: the reservation made ({@code approved}), or the refusal with its reason
 * ({@code no_budget}, {@code currency_mismatch}, {@code insufficient_budget}). A refusal is an answer, not a
 * failure, so the task completes either way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BudgetCheckResponse(
        boolean approved,
        UUID reservationId,
        String department,
        String fiscalPeriod,
        BigDecimal amount,
        String currency,
        BigDecimal availableAmount,
        String reason,
        String message) {

    static BudgetCheckResponse of(ReservationOutcome outcome) {
        return switch (outcome) {
            case ReservationOutcome.Reserved reserved ->
                new BudgetCheckResponse(
                        true,
                        reserved.reservation().id(),
                        reserved.budget().department(),
                        reserved.budget().fiscalPeriod(),
                        reserved.reservation().amount(),
                        reserved.reservation().currency(),
                        reserved.budget().available(),
                        null,
                        null);
            case ReservationOutcome.Refused refused ->
                new BudgetCheckResponse(
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        refused.available(),
                        refused.reason().name().toLowerCase(Locale.ROOT),
                        refused.message());
        };
    }
}
