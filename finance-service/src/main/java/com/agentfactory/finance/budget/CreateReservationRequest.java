package com.agentfactory.finance.budget;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A budget check before spending, for the department in the path; the period defaults to the current UTC month. */
@Schema(
        example =
                "{\"amount\": 250.00, \"currency\": \"GBP\", \"purpose\": \"newsletter banner for the January sale\", \"requested_by\": \"campaign-agent\"}")
record CreateReservationRequest(
        @BudgetConstraints.FiscalPeriod String fiscalPeriod,
        @BudgetConstraints.Amount BigDecimal amount,
        @BudgetConstraints.Currency String currency,
        @BudgetConstraints.Purpose String purpose,
        @BudgetConstraints.RequestedBy String requestedBy) {}
