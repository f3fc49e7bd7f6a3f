package com.agentfactory.finance.reconciliation;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.time.YearRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The inclusive UTC days a ledger report covers; at most a year, so one request cannot scan the whole ledger. */
public record ReportPeriod(LocalDate dateFrom, LocalDate dateTo) {

    private static final long MAX_DAYS = 366;

    /**
     * @throws RuleViolationException (field date_from or date_to) when a day is outside the ledger's bound, or (field
     *     date_to) when the period is reversed or too long
     */
    public static ReportPeriod of(LocalDate dateFrom, LocalDate dateTo) {
        YearRange.RECORDS.requireContains("date_from", dateFrom, RuleViolationException::of);
        YearRange.RECORDS.requireContains("date_to", dateTo, RuleViolationException::of);
        if (dateTo.isBefore(dateFrom)) {
            throw RuleViolationException.of("date_to", "must not be before date_from");
        }
        if (ChronoUnit.DAYS.between(dateFrom, dateTo) >= MAX_DAYS) {
            throw RuleViolationException.of("date_to", "a report covers at most 366 days");
        }
        return new ReportPeriod(dateFrom, dateTo);
    }
}
