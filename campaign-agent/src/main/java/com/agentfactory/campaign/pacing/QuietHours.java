package com.agentfactory.campaign.pacing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A daily window of local time in which customers are not contacted. The window may run over midnight
 * (21:00 to 08:00). Local times are resolved in the zone with its daylight-saving rules, so a window end
 * inside a spring-forward gap moves to the first valid instant after it.
 */
record QuietHours(LocalTime start, LocalTime end) {

    QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start different from their end");
        }
    }

    /** When the quiet period that {@code now} falls in ends, or empty when {@code now} is not quiet. */
    Optional<Instant> endOfQuietPeriod(Instant now, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        boolean overMidnight = start.isAfter(end);
        if (!overMidnight) {
            return !time.isBefore(start) && time.isBefore(end)
                    ? Optional.of(date.atTime(end).atZone(zone).toInstant())
                    : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(date.plusDays(1).atTime(end).atZone(zone).toInstant());
        }
        if (time.isBefore(end)) {
            return Optional.of(date.atTime(end).atZone(zone).toInstant());
        }
        return Optional.empty();
    }
}
