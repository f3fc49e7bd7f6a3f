package com.agentfactory.inventory.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * The daily run's forecast step: trains a new model version on every SKU with orders, in groups of the busiest SKUs
 * first (each group fitted together, as the backtest fits its 500), and stores each SKU's forecast under that
 * version. A group the models cannot be fitted on is reported and skipped; the others still get forecasts.
 */
@Service
public class BatchForecasting {

    private final DemandForecaster forecaster;
    private final DailyDemandRepository demand;
    private final ForecastModelRepository models;
    private final StoredSkuForecastRepository forecasts;
    private final ForecastProperties properties;
    private final ForecastMetrics metrics;
    private final Clock clock;

    BatchForecasting(
            DemandForecaster forecaster,
            DailyDemandRepository demand,
            ForecastModelRepository models,
            StoredSkuForecastRepository forecasts,
            ForecastProperties properties,
            ForecastMetrics metrics,
            Clock clock) {
        this.forecaster = forecaster;
        this.demand = demand;
        this.models = models;
        this.forecasts = forecasts;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What a forecast step trained.
     *
     * @param skus the SKUs forecast
     * @param failedSkus the SKUs with orders left without a forecast (see {@code errors})
     * @param innerWape each model's and the ensemble's error on the calibration weeks, all SKUs together
     */
    public record ModelVersion(
            UUID id, int version, int skus, int failedSkus, Map<String, Double> innerWape, List<String> errors) {}

    /** Each model's error on the calibration weeks of a model version; empty for an unknown one. */
    public Map<String, Double> errorsOf(UUID modelId) {
        return models.findById(modelId).map(m -> Map.copyOf(m.innerWape())).orElse(Map.of());
    }

    /** Forecasts {@code horizonDays} from {@code origin} for those of {@code skus} with orders before it. */
    public ModelVersion forecastAll(List<String> skus, LocalDate origin, int horizonDays, IntConsumer progress) {
        var model = models.save(new ForecastModel(
                models.lastVersion() + 1,
                origin,
                horizonDays,
                properties,
                properties.batchPooledSkus(),
                clock.instant()));
        Map<String, Double> units = new HashMap<>();
        for (Object[] row : demand.unitsPerSku(origin.minusWeeks(properties.historyWeeks()), origin)) {
            units.put((String) row[0], ((Number) row[1]).doubleValue());
        }
        List<String> busiestFirst = skus.stream()
                .filter(units::containsKey)
                .sorted(Comparator.comparing((String sku) -> -units.get(sku)).thenComparing(sku -> sku))
                .toList();
        int forecast = 0;
        int failed = 0;
        List<String> errors = new ArrayList<>();
        Map<String, Double> weightedWape = new LinkedHashMap<>();
        double innerUnits = 0;
        int pool = properties.batchPooledSkus();
        for (int from = 0; from < busiestFirst.size(); from += pool) {
            List<String> group = busiestFirst.subList(from, Math.min(busiestFirst.size(), from + pool));
            try {
                var result = forecaster.fit(group, null, origin, horizonDays);
                forecasts.saveAll(result.forecasts().stream()
                        .map(f -> new StoredSkuForecast(model.getId(), origin, f))
                        .toList());
                double groupUnits = result.innerUnits();
                result.innerWape().forEach((name, wape) -> weightedWape.merge(name, wape * groupUnits, Double::sum));
                innerUnits += groupUnits;
                forecast += group.size();
                metrics.batched(group.size());
            } catch (RuntimeException e) {
                failed += group.size();
                errors.add("SKUs " + (from + 1) + " to " + (from + group.size()) + " by units: " + e.getMessage());
            }
            progress.accept((int) ((from + group.size()) * 100L / busiestFirst.size()));
        }
        Map<String, Double> innerWape = new LinkedHashMap<>();
        double total = innerUnits;
        weightedWape.forEach((name, sum) -> innerWape.put(name, total == 0 ? 0 : Math.round(sum / total * 1e4) / 1e4));
        model.finish(forecast, failed, innerWape, clock.instant());
        if (forecast > 0) {
            metrics.calibrated(innerWape);
        }
        models.save(model);
        return new ModelVersion(model.getId(), model.version(), forecast, failed, innerWape, errors);
    }
}
