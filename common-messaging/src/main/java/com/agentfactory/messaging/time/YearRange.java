package com.agentfactory.messaging.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * The whole UTC years {@code first} to {@code last}, both included. Java reads years far beyond what PostgreSQL
 * stores or day arithmetic survives (a year -5000, a {@code +999999999-12-31} plus one day, an instant a billion
 * years out whose {@code Duration} overflows), so every date the platform takes is held to a range like this and
 * refused as input naming its field instead of failing in the database.
 *
 * <p>The years are four-digit ones: all an ISO 8601 date without a sign promises a reader, and written as they are
 * in the message of {@link WithinYears}.
 */
public record YearRange(int first, int last) {

    // compile-time constants, so that @WithinYears can name the ranges below
    public static final int RECORDS_FIRST_YEAR = 1970;
    public static final int RECORDS_LAST_YEAR = 9999;
    public static final int OPERATIONS_FIRST_YEAR = 2000;
    public static final int OPERATIONS_LAST_YEAR = 2099;

    /**
     * What the platform keeps and reports on: ledgers, audit trails, histories and the windows queried over them.
     * Nothing it keeps happened before 1970, and a report may reach as far ahead as a date can be written.
     */
    public static final YearRange RECORDS = new YearRange(RECORDS_FIRST_YEAR, RECORDS_LAST_YEAR);

    /**
     * What the platform acts on: events it is told of now, deadlines it keeps, flights it runs. Outside this century
     * such a date is a typing error, not a plan.
     */
    public static final YearRange OPERATIONS = new YearRange(OPERATIONS_FIRST_YEAR, OPERATIONS_LAST_YEAR);

    private static final int FIRST_FOUR_DIGIT_YEAR = 1000;
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;

    public YearRange {
        if (first < FIRST_FOUR_DIGIT_YEAR || last > LAST_FOUR_DIGIT_YEAR || first > last) {
            throw new IllegalArgumentException(
                    "a year range is of four-digit years, first not after last: " + first + " to " + last);
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(first, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(last, 12, 31);
    }

    /** The first instant of the range: midnight UTC of {@link #firstDay()}. */
    public Instant start() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range: an instant is in it when it is before this one. */
    public Instant end() {
        return lastDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** Judged at its instant, so {@code 2099-12-31T23:00-02:00} (2100 in UTC) is outside 2000-2099. */
    public boolean contains(OffsetDateTime at) {
        return contains(at.toInstant());
    }

    /** The problem detail's message for a date outside: "must be between 2000-01-01 and 2099-12-31 (UTC)". */
    public String requirement() {
        return "must be between " + firstDay() + " and " + lastDay() + " (UTC)";
    }

    /**
     * Refuses a day outside the range with the exception the caller answers such input with (each service chooses
     * its status), made from the field and {@link #requirement()}. Null passes: whether one is needed is another
     * rule's.
     */
    public <E extends RuntimeException> void requireContains(
            String field, LocalDate day, BiFunction<String, String, E> refusal) {
        if (day != null && !contains(day)) {
            throw refusal.apply(field, requirement());
        }
    }

    /** As {@link #requireContains(String, LocalDate, BiFunction)} for an instant. */
    public <E extends RuntimeException> void requireContains(
            String field, Instant at, BiFunction<String, String, E> refusal) {
        if (at != null && !contains(at)) {
            throw refusal.apply(field, requirement());
        }
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
