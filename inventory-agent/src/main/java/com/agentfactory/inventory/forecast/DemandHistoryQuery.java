package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.time.YearRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a SKU's recorded daily demand back, as a dense series. */
@Service
class DemandHistoryQuery {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 731;

    private final DailyDemandRepository demand;
    private final StockService stock;
    private final Clock clock;

    DemandHistoryQuery(DailyDemandRepository demand, StockService stock, Clock clock) {
        this.demand = demand;
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DemandHistoryResponse history(String sku, LocalDate from, LocalDate until, String location) {
        LocalDate end = until != null
                ? until
                : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS);
        // ISO dates parse far beyond what PostgreSQL stores; out there the query itself would fail
        YearRange.RECORDS.requireContains("from", start, InvalidInputException::of);
        YearRange.RECORDS.requireContains("until", end, InvalidInputException::of);
        if (!start.isBefore(end)) {
            throw InvalidInputException.of("from", "must be before until");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw InvalidInputException.of("from", "at most " + MAX_DAYS + " days before until");
        }
        stock.requireStocked(sku);
        // with no location the rows of every warehouse come back, several per day
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (DailyDemand row : demand.between(sku, location, start, end)) {
            perDay.merge(row.day(), row.units(), Integer::sum);
        }
        List<DemandHistoryResponse.Day> days = new ArrayList<>();
        long total = 0;
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
            int units = perDay.getOrDefault(day, 0);
            total += units;
            days.add(new DemandHistoryResponse.Day(day, units));
        }
        return new DemandHistoryResponse(sku, location, start, end, total, days);
    }
}
