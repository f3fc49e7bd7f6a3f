package com.agentfactory.finance.reconciliation;

import com.agentfactory.messaging.error.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC days the ledger and everything reported with it can hold, one bound for every date the API takes. Java
 * reads years far beyond what PostgreSQL stores or day arithmetic survives (a year -5000, a date_to of
 * +999999999-12-31 plus one day), so such a date is refused as input naming its field instead of failing in the
 * database. Nothing the service keeps happened before 1970, and four-digit years are all an ISO date promises.
 */
public final class LedgerDates {

    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** The problem detail's message for a date outside the bound. */
    public static final String OUTSIDE = "must be between " + FIRST_DAY + " and " + LAST_DAY + " (UTC)";

    private static final Instant FIRST_INSTANT =
            FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT =
            LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private LedgerDates() {}

    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    public static boolean contains(Instant at) {
        return !at.isBefore(FIRST_INSTANT) && at.isBefore(END_INSTANT);
    }

    /** @throws RuleViolationException naming {@code field} when the day is outside the bound */
    public static void requireContains(String field, LocalDate day) {
        if (day != null && !contains(day)) {
            throw RuleViolationException.of(field, OUTSIDE);
        }
    }

    /** @throws RuleViolationException naming {@code field} when the instant is outside the bound */
    public static void requireContains(String field, Instant at) {
        if (at != null && !contains(at)) {
            throw RuleViolationException.of(field, OUTSIDE);
        }
    }
}
