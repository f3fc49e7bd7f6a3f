package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.time.YearRange;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastOriginTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void takesAnOriginWithinACenturyOfTodayFromTheFirstDayOfTheRecords() {
        assertThatCode(() -> ForecastOrigin.requirePlausible(LocalDate.of(1970, 1, 1), TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> ForecastOrigin.requirePlausible(TODAY.plusYears(100), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnOriginBeforeTheRecordsEvenWithinACenturyOfToday() {
        assertThatThrownBy(() -> ForecastOrigin.requirePlausible(LocalDate.of(1969, 12, 31), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorDetail("origin", YearRange.RECORDS.requirement())));
    }

    @Test
    void refusesAnOriginMoreThanACenturyFromToday() {
        assertThatThrownBy(() ->
                        ForecastOrigin.requirePlausible(TODAY.plusYears(100).plusDays(1), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldErrorDetail("origin", "must be within 100 years of today")));
    }

    @Test
    void neverTakesAnOriginTheRecordsCannotHoldWhateverDayTodayIs() {
        LocalDate lateToday = LocalDate.of(9950, 1, 1);

        assertThatThrownBy(() -> ForecastOrigin.requirePlausible(LocalDate.of(10_000, 1, 1), lateToday))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(YearRange.RECORDS.requirement());
        assertThatThrownBy(() -> ForecastOrigin.requirePlausible(LocalDate.MAX, LocalDate.MAX))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(YearRange.RECORDS.requirement());
    }
}
