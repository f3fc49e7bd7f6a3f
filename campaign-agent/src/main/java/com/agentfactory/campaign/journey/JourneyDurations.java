package com.agentfactory.campaign.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads wait durations as journey authors write them ("1 hour", "48 hours", "2 days") or as ISO-8601
 * ("PT1H"). Written here because the specification's notation is a few words no library parses; ISO-8601
 * goes to {@link Duration#parse}.
 */
final class JourneyDurations {

    private static final Pattern WORDS =
            Pattern.compile("^(\\d{1,6})\\s*(second|minute|hour|day|week)s?$", Pattern.CASE_INSENSITIVE);

    private JourneyDurations() {}

    static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher words = WORDS.matcher(trimmed);
        if (words.matches()) {
            long amount = Long.parseLong(words.group(1));
            return Optional.of(
                    switch (words.group(2).toLowerCase(Locale.ROOT)) {
                        case "second" -> Duration.ofSeconds(amount);
                        case "minute" -> Duration.ofMinutes(amount);
                        case "hour" -> Duration.ofHours(amount);
                        case "day" -> Duration.ofDays(amount);
                        default -> Duration.ofDays(7 * amount);
                    });
        }
        try {
            Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
