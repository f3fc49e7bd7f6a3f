package com.agentfactory.finance.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day in one currency: sums are never mixed across currencies. Net is revenue minus refunds. Refunds are what
 * the ledger refunds, net of the offsets of refunds booked before their order; the count is of the transactions booked
 * from the source and by agents, offsets not among them, nor a refund offset to nothing, whose order (a credit note's
 * own) is not among the unique orders either: a refund capped to nothing when its order came first is not booked, so
 * the day's figures do not depend on which of the two was read first.
 */
record DailyReconciliation(
        LocalDate date,
        String currency,
        long transactionCount,
        BigDecimal revenue,
        BigDecimal refunds,
        BigDecimal net,
        long uniqueOrders) {}
