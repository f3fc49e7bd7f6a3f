package com.agentfactory.finance.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One UTC day in one currency: sums are never mixed across currencies. Net is revenue minus refunds. */
record DailyReconciliation(
        LocalDate date,
        String currency,
        long transactionCount,
        BigDecimal revenue,
        BigDecimal refunds,
        BigDecimal net,
        long uniqueOrders) {}
