package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forecasts a SKU's daily demand from the year of orders before the origin. */
@Service
class DemandForecaster {

    static final String MODEL = "holt-winters-additive-weekly";
    static final int HISTORY_DAYS = 364;
    static final int MINIMUM_HISTORY_DAYS = 2 * HoltWinters.WEEK;

    private final DailyDemandRepository demand;
    private final StockService stock;
    private final Clock clock;

    DemandForecaster(DailyDemandRepository demand, StockService stock, Clock clock) {
        this.demand = demand;
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DemandForecastResponse forecast(ForecastDemandRequest request) {
        stock.requireStocked(request.sku());
        LocalDate origin = request.origin() != null ? request.origin() : LocalDate.now(clock);
        var days = demand.between(request.sku(), request.location(), origin.minusDays(HISTORY_DAYS), origin);
        if (days.isEmpty()) {
            throw RuleViolationException.of("sku", "no orders in the year before " + origin + " to learn from");
        }
        // the series starts at the first day with an order: days before the product sold are not zero demand
        LocalDate first = days.getFirst().day();
        double[] history = new double[(int) ChronoUnit.DAYS.between(first, origin)];
        days.forEach(day -> history[(int) ChronoUnit.DAYS.between(first, day.day())] += day.units());
        if (history.length < MINIMUM_HISTORY_DAYS) {
            throw RuleViolationException.of(
                    "origin",
                    "needs " + MINIMUM_HISTORY_DAYS + " days of orders before " + origin + ", has " + history.length);
        }
        HoltWinters model = HoltWinters.fit(history, HoltWinters.WEEK);
        HoltWinters.Forecast forecast = model.forecast(request.horizonDays());
        List<DemandForecastResponse.Day> result = new ArrayList<>();
        for (int i = 0; i < request.horizonDays(); i++) {
            result.add(new DemandForecastResponse.Day(
                    origin.plusDays(i),
                    round(forecast.mean()[i]),
                    round(forecast.lower80()[i]),
                    round(forecast.upper80()[i]),
                    round(forecast.lower95()[i]),
                    round(forecast.upper95()[i])));
        }
        return new DemandForecastResponse(
                request.sku(), request.location(), origin, MODEL, history.length, round(model.sigma()), result);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
