package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DemandCalendarTest {

    private final DemandCalendar england = DemandCalendar.of("GB", "eng");

    @Test
    void knowsEnglandsBankHolidays() {
        // 2011: England's summer bank holiday on Monday 29 August (not Scotland's), Christmas on Sunday observed on
        // Monday 26 December
        assertThat(england.isHoliday(LocalDate.of(2011, 8, 29))).isTrue();
        assertThat(DemandCalendar.of("GB", "sct").isHoliday(LocalDate.of(2011, 8, 29)))
                .isFalse();
        assertThat(england.isHoliday(LocalDate.of(2011, 12, 26))).isTrue();
        assertThat(england.isHoliday(LocalDate.of(2011, 8, 22))).isFalse();
        assertThat(england.holidaysIn(LocalDate.of(2011, 8, 27), 7)).isEqualTo(1);
        assertThat(england.holidaysIn(LocalDate.of(2011, 7, 1), 28)).isZero();
    }

    @Test
    void paysOnTheMonthsLastWorkingDay() {
        // 31 July 2011 was a Sunday; 31 December 2010 a Friday and not a holiday in England
        assertThat(england.payday(YearMonth.of(2011, 7))).isEqualTo(LocalDate.of(2011, 7, 29));
        assertThat(england.payday(YearMonth.of(2010, 12))).isEqualTo(LocalDate.of(2010, 12, 31));
        // 31 August 2011 a Wednesday
        assertThat(england.payday(YearMonth.of(2011, 8))).isEqualTo(LocalDate.of(2011, 8, 31));
        assertThat(england.paydaysIn(LocalDate.of(2011, 7, 25), 7)).isEqualTo(1);
        assertThat(england.paydaysIn(LocalDate.of(2011, 7, 1), 7)).isZero();
    }

    @Test
    void aCalendarOfNoCountryHasNoHolidaysOrPaydays() {
        DemandCalendar none = DemandCalendar.of("none", null);

        assertThat(none).isSameAs(DemandCalendar.NONE);
        assertThat(none.holidaysIn(LocalDate.of(2011, 12, 20), 14)).isZero();
        assertThat(none.paydaysIn(LocalDate.of(2011, 7, 1), 31)).isZero();
    }

    @Test
    void refusesACountryOrRegionWithoutACalendar() {
        assertThatThrownBy(() -> DemandCalendar.of("XX", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
        assertThatThrownBy(() -> DemandCalendar.of("GB", "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eng");
    }
}
