package com.agentfactory.finance.budget;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The check-budget task's input: the REST reservation's fields, under the same constraints, plus the
 * department the REST endpoint takes from its path. A reservation whose task's requester may never commit it should
 * name {@code expiresAt}, as on the REST endpoint.
 */
record CheckBudgetRequest(
        @BudgetConstraints.Department String department,
        @BudgetConstraints.FiscalPeriod String fiscalPeriod,

        @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
        LocalDate spentOn,

        @BudgetConstraints.Amount BigDecimal amount,
        @BudgetConstraints.Currency String currency,
        @BudgetConstraints.Purpose String purpose,
        @BudgetConstraints.RequestedBy String requestedBy,

        @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant expiresAt) {

    CreateReservationRequest asReservation() {
        return new CreateReservationRequest(
                fiscalPeriod, spentOn, amount, currency, purpose, requestedBy, null, expiresAt);
    }
}
