package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A SKU's units ordered per day over {@code [from, until)}, every day present.
 *
 * @param location the warehouse asked for; null for all together
 */
record DemandHistoryResponse(
        String sku, String location, LocalDate from, LocalDate until, long totalUnits, List<Day> days) {

    record Day(LocalDate date, int units) {}
}
