package com.agentfactory.inventory.forecast;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The days besides the season that move a shop's demand: the public holidays of a configured calendar (Jollyday's,
 * by ISO country code and an optional subdivision, such as {@code GB} and {@code eng} for England) and paydays, the
 * last working day of each month, when most UK employers pay. The calendar of no country ({@link #NONE}) has
 * neither. Both are known ahead, so forecasting with them reads nothing from the future.
 */
public final class DemandCalendar {

    public static final DemandCalendar NONE = new DemandCalendar(null, null);

    private final HolidayManager holidays;
    private final String[] subdivision;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private DemandCalendar(HolidayManager holidays, String subdivision) {
        this.holidays = holidays;
        this.subdivision = subdivision == null || subdivision.isBlank() ? new String[0] : new String[] {subdivision};
    }

    /**
     * @param country an ISO 3166 country code Jollyday knows, or blank / {@code none} for no calendar
     * @param subdivision a region of it (Jollyday's code, such as {@code eng}), or blank for the whole country
     * @throws IllegalArgumentException when Jollyday has no calendar for the country or no such region of it
     */
    public static DemandCalendar of(String country, String subdivision) {
        if (country == null || country.isBlank() || country.equalsIgnoreCase("none")) {
            return NONE;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            throw new IllegalArgumentException("no holiday calendar for country " + country);
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        if (subdivision != null
                && !subdivision.isBlank()
                && !manager.getCalendarHierarchy().getChildren().containsKey(subdivision.strip())) {
            throw new IllegalArgumentException(
                    "no holiday calendar for region " + subdivision + " of " + code + "; its regions: "
                            + manager.getCalendarHierarchy().getChildren().keySet());
        }
        return new DemandCalendar(manager, subdivision == null ? null : subdivision.strip());
    }

    /** Public holidays among the {@code days} days from {@code from}. */
    public int holidaysIn(LocalDate from, int days) {
        if (holidays == null) {
            return 0;
        }
        int count = 0;
        for (int d = 0; d < days; d++) {
            count += isHoliday(from.plusDays(d)) ? 1 : 0;
        }
        return count;
    }

    /** Paydays among the {@code days} days from {@code from}. */
    public int paydaysIn(LocalDate from, int days) {
        if (holidays == null) {
            return 0;
        }
        int count = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            count += day.equals(payday(YearMonth.from(day))) ? 1 : 0;
        }
        return count;
    }

    boolean isHoliday(LocalDate day) {
        return holidaysByYear
                .computeIfAbsent(
                        day.getYear(),
                        year ->
                                holidays
                                        .getHolidays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), subdivision)
                                        .stream()
                                        .map(Holiday::getDate)
                                        .collect(Collectors.toUnmodifiableSet()))
                .contains(day);
    }

    /** The month's last day that is neither a weekend nor a holiday. */
    LocalDate payday(YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
