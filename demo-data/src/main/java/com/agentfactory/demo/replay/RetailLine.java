package com.agentfactory.demo.replay;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One parsed line of an Online Retail file.
 *
 * @param customerId normalised customer number ("17850"), {@code null} for guest checkouts
 * @param lineNumber 1-based record number in the file, kept so problems can be traced back to the source
 */
public record RetailLine(
        String invoiceNo,
        String stockCode,
        String description,
        int quantity,
        Instant invoiceDate,
        BigDecimal unitPrice,
        String customerId,
        String country,
        long lineNumber) {

    public boolean isCancellation() {
        return invoiceNo.startsWith("C");
    }
}
