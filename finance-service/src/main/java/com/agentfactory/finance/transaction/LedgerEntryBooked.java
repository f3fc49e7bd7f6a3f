package com.agentfactory.finance.transaction;

/**
 * Published inside the booking's database transaction when a revenue or refund row from a commerce event
 * is written, so attribution and segmentation commit or roll back with it. A replayed event publishes nothing.
 */
public record LedgerEntryBooked(FinancialTransaction transaction) {}
