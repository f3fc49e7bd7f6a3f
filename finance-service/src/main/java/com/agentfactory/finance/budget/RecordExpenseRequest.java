package com.agentfactory.finance.budget;

import static com.agentfactory.messaging.time.YearRange.RECORDS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money an agent has already spent that no reservation of the department in the path held: booked as spent even
 * beyond what the budget has left (see {@link BudgetService#recordExpense}).
 *
 * @param spentOn the UTC day the money was spent on: the expense is booked in that day's month while the month is
 *     open to its spend, else in the current month as late (see {@link OpenPeriods})
 * @param channel the channel the money was spent on, kept in the expense's metadata; optional
 */
@Schema(
        example =
                "{\"spent_on\": \"2026-01-31\", \"amount\": 12.34, \"currency\": \"GBP\", \"purpose\": \"ad spend, campaign spring-prints, 2026-01-31 (overspend)\", \"requested_by\": \"ad-agent\", \"channel\": \"ad\"}")
record RecordExpenseRequest(
        @NotNull @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
        LocalDate spentOn,

        @BudgetConstraints.Amount BigDecimal amount,
        @BudgetConstraints.Currency String currency,
        @BudgetConstraints.Purpose String purpose,
        @BudgetConstraints.RequestedBy String requestedBy,
        @BudgetConstraints.Channel String channel) {}
