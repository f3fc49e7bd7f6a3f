package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.signal.DemandSignals;
import com.agentfactory.inventory.signal.SignalLift;
import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts a SKU's daily demand with the ensemble the {@code backtest} command evaluates, fitted on the weeks of
 * orders before the origin of the SKU together with the store's busiest other SKUs.
 */
@Service
class DemandForecaster {

    static final int MINIMUM_HISTORY_DAYS = 14;

    private final DailyDemandRepository demand;
    private final StockService stock;
    private final ForecastProperties properties;
    private final ForecastMetrics metrics;
    private final Clock clock;
    private final DemandCalendar calendar;
    private final DemandSignals signals;
    private final PromotionLifts promotionLifts;

    DemandForecaster(
            DailyDemandRepository demand,
            StockService stock,
            ForecastProperties properties,
            ForecastMetrics metrics,
            DemandSignals signals,
            PromotionLifts promotionLifts,
            Clock clock) {
        this.demand = demand;
        this.stock = stock;
        this.signals = signals;
        this.promotionLifts = promotionLifts;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.calendar = properties.calendar();
    }

    @Transactional(readOnly = true)
    DemandForecastResponse forecast(ForecastDemandRequest request) {
        stock.requireStocked(request.sku());
        LocalDate today = LocalDate.now(clock);
        LocalDate origin = request.origin() != null ? request.origin() : today;
        ForecastOrigin.requirePlausible(origin, today);
        LocalDate from = origin.minusWeeks(properties.historyWeeks());
        var own = demand.between(request.sku(), request.location(), from, origin);
        if (own.isEmpty()) {
            throw RuleViolationException.of(
                    "sku",
                    "no orders in the " + properties.historyWeeks() + " weeks before " + origin + " to learn from");
        }
        int ownDays = (int) ChronoUnit.DAYS.between(own.getFirst().day(), origin);
        if (ownDays < MINIMUM_HISTORY_DAYS) {
            throw RuleViolationException.of(
                    "origin",
                    "needs " + MINIMUM_HISTORY_DAYS + " days of orders before " + origin + ", has " + ownDays);
        }
        List<String> skus = new ArrayList<>();
        skus.add(request.sku());
        skus.addAll(demand.busiestOthers(request.sku(), request.location(), from, origin, properties.pooledSkus() - 1));
        var result = fit(skus, request.location(), origin, request.horizonDays());
        var forecast = result.forecasts().getFirst();
        metrics.requested();
        // the models know the days before the origin; a forecast from today also hears today's views and carts
        SignalLift lift = origin.equals(LocalDate.now(clock))
                ? signals.liftOf(request.sku())
                : SignalLift.none("the origin is not today");
        // the models learnt from orders at the usual price: a planned promotion's days sell more
        PromotionLift promotions = promotionLifts.of(request.sku(), origin, request.horizonDays());
        List<DemandForecastResponse.Day> days = new ArrayList<>();
        for (int d = 0; d < request.horizonDays(); d++) {
            double factor = lift.factorOn(d) * promotions.factorOn(origin.plusDays(d));
            days.add(new DemandForecastResponse.Day(
                    origin.plusDays(d),
                    round(factor * forecast.expected()[d]),
                    round(factor * forecast.lower80()[d]),
                    round(factor * forecast.upper80()[d]),
                    round(factor * forecast.lower95()[d]),
                    round(factor * forecast.upper95()[d])));
        }
        return new DemandForecastResponse(
                request.sku(),
                request.location(),
                origin,
                DailyEnsemble.MODEL,
                forecast.weights(),
                ownDays,
                skus.size(),
                result.calibrationWeeks(),
                DemandForecastResponse.Signals.of(lift),
                DemandForecastResponse.PromotionEffects.of(promotions),
                days);
    }

    /**
     * Fits the ensemble on the SKUs' whole weeks of orders before the origin, from the first order among them (at
     * most the configured weeks back): a SKU that started selling later counts as selling nothing before.
     */
    DailyEnsemble.Result fit(List<String> skus, String location, LocalDate origin, int horizonDays) {
        LocalDate from = origin.minusWeeks(properties.historyWeeks());
        var rows = demand.ofSkus(skus, location, from, origin);
        LocalDate first = rows.getFirst().day();
        int weeks = (int) (ChronoUnit.DAYS.between(first, origin) / 7);
        int calibration = Math.min(properties.calibrationBlocks(), (horizonDays + 6) / 7);
        int needed = calibration + BlockEnsemble.MINIMUM_TRAINING_BLOCKS;
        if (weeks < needed) {
            throw RuleViolationException.of(
                    "origin",
                    "the models need " + needed + " whole weeks of the store's orders before " + origin + ", there are "
                            + weeks);
        }
        LocalDate start = origin.minusWeeks(weeks);
        Map<String, double[]> daily = new LinkedHashMap<>();
        skus.forEach(sku -> daily.put(sku, new double[7 * weeks]));
        for (DailyDemand row : rows) {
            if (!row.day().isBefore(start)) {
                daily.get(row.sku())[(int) ChronoUnit.DAYS.between(start, row.day())] += row.units();
            }
        }
        var result = DailyEnsemble.forecast(
                daily,
                origin,
                horizonDays,
                calibration,
                new BlockEnsemble.Settings(properties.rounds(), properties.threads(), calendar));
        metrics.calibrated(result.innerWape());
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
