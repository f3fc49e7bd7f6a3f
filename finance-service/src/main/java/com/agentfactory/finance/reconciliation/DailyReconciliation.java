package com.agentfactory.finance.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day in one currency: sums are never mixed across currencies. Net is revenue minus refunds. Refunds are what
 * the ledger refunds, net of the offsets of refunds booked before their order; the count is of the transactions booked
 * from the source and by agents, offsets not among them.
 */
record DailyReconciliation(
        LocalDate date,
        String currency,
        long transactionCount,
        BigDecimal revenue,
        BigDecimal refunds,
        BigDecimal net,
        long uniqueOrders) {}
