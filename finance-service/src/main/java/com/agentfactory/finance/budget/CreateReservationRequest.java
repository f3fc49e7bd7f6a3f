package com.agentfactory.finance.budget;

import java.math.BigDecimal;

/** A budget check before spending, for the department in the path; the period defaults to the current UTC month. */
record CreateReservationRequest(
        @BudgetConstraints.FiscalPeriod String fiscalPeriod,
        @BudgetConstraints.Amount BigDecimal amount,
        @BudgetConstraints.Currency String currency,
        @BudgetConstraints.Purpose String purpose,
        @BudgetConstraints.RequestedBy String requestedBy) {}
