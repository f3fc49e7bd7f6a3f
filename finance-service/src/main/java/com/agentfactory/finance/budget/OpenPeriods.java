package com.agentfactory.finance.budget;

import com.agentfactory.messaging.time.YearRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Which fiscal month spend dated on a UTC day may still be booked in.
 *
 * <p>Spend belongs to the month it was spent in, not the month it happened to be reported in: an ad exchange bills
 * the impressions of the last day of a month, and the agent settles them with finance just after midnight, in the
 * next month. So a month stays open to its own spend after it ends, for a grace window
 * ({@code agentfactory.finance.budget.closing-grace}) long enough for settlements delayed by an outage. After that
 * window the month is closed: its figures have been reported and reconciled, and a ledger does not change a closed
 * period under the people who read it. A reservation for spend of a closed month is refused (422), since nothing can
 * be set aside in a month nobody may spend in any more. Reservations and commits already made in a month are not
 * affected by its closing: committing one only turns money the month already counted as used into its expense.
 *
 * <p>A day after tomorrow is refused: spend has not happened yet on it, and budgets for later months are reserved
 * from by naming the fiscal period instead. Tomorrow is allowed because agents' and finance's clocks may disagree
 * by a little around midnight, as for a transaction's occurred_at.
 */
final class OpenPeriods {

    enum Verdict {
        /** The day's month takes spend now. */
        OPEN,
        /** The day's month ended longer ago than the grace window. */
        CLOSED,
        /** The day is after tomorrow. */
        FUTURE
    }

    private final Clock clock;
    private final Duration closingGrace;

    OpenPeriods(Clock clock, Duration closingGrace) {
        this.clock = clock;
        this.closingGrace = closingGrace;
    }

    static String periodOf(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    String currentPeriod() {
        return YearMonth.now(clock).toString();
    }

    Verdict of(LocalDate spentOn) {
        if (spentOn.isAfter(today().plusDays(1))) {
            return Verdict.FUTURE;
        }
        if (!YearRange.RECORDS.contains(spentOn)) {
            return Verdict.CLOSED;
        }
        return clock.instant().isBefore(closesAt(spentOn)) ? Verdict.OPEN : Verdict.CLOSED;
    }

    /** When the month of {@code spentOn} closes (or closed) to its spend. */
    Instant closesAt(LocalDate spentOn) {
        return YearMonth.from(spentOn)
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(closingGrace);
    }
}
