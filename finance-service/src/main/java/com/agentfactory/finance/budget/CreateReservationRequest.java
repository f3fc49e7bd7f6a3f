package com.agentfactory.finance.budget;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A budget check before spending, for the department in the path.
 *
 * @param fiscalPeriod the month whose budget to reserve from, for money set aside ahead of spending (any month);
 *     the current UTC month when neither this nor {@code spentOn} is given
 * @param spentOn the UTC day the money is (or was) spent on, for spend reported after the fact: the reservation is
 *     made from that day's month while the month is open to its spend (see {@link OpenPeriods}), refused with 422
 *     once it is closed, and the expense its commit books is dated on that day. The exchange bills the day the
 *     impressions were won, so an ad agent settling the last day of a month after midnight books it in that month,
 *     not the next. With {@code fiscalPeriod} too, the two must name the same month.
 * @param channel the channel the money is spent on, kept in the metadata of the expense its commit books, so return
 *     on spend per channel counts it; optional
 * @param expiresAt when the hold ends if the reservation is neither committed nor released by then: it is released
 *     ({@link ExpiredReservations}), so money a holder lost track of goes back to the budget; must be later than now.
 *     Optional: without it the reservation is held until committed or released
 */
@Schema(
        example =
                "{\"amount\": 250.00, \"currency\": \"GBP\", \"purpose\": \"newsletter banner for the January sale\", \"requested_by\": \"campaign-agent\", \"channel\": \"email\"}")
record CreateReservationRequest(
        @BudgetConstraints.FiscalPeriod String fiscalPeriod,

        @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
        LocalDate spentOn,

        @BudgetConstraints.Amount BigDecimal amount,
        @BudgetConstraints.Currency String currency,
        @BudgetConstraints.Purpose String purpose,
        @BudgetConstraints.RequestedBy String requestedBy,
        @BudgetConstraints.Channel String channel,

        @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant expiresAt) {}
