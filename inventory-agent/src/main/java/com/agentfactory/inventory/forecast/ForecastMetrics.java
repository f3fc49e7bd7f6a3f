package com.agentfactory.inventory.forecast;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Forecasts made (on request and by the daily run) and their error: each model's and the ensemble's weighted
 * absolute percentage error on the calibration weeks of the latest fit, the only error known when forecasting (the
 * days forecast have not happened yet). NaN until a first fit.
 */
@Component
class ForecastMetrics {

    static final String FORECASTS = "inventory.forecasts";
    static final String ERROR = "inventory.forecast.calibration.wape";
    static final List<String> MODELS = List.of("ets", "croston", "sba", "tsb", "median_8", "xgboost", "ensemble");

    private final Counter requested;
    private final Counter batched;
    private final Map<String, Double> latestWape = new ConcurrentHashMap<>();

    ForecastMetrics(MeterRegistry meters) {
        requested = Counter.builder(FORECASTS)
                .description("SKU forecasts made")
                .tag("source", "request")
                .register(meters);
        batched = Counter.builder(FORECASTS)
                .description("SKU forecasts made")
                .tag("source", "daily-run")
                .register(meters);
        for (String model : MODELS) {
            latestWape.put(model, Double.NaN);
            Gauge.builder(ERROR, latestWape, wape -> wape.getOrDefault(model, Double.NaN))
                    .description("Weighted absolute percentage error on the calibration weeks of the latest fit")
                    .tag("model", model)
                    .register(meters);
        }
    }

    void requested() {
        requested.increment();
    }

    void batched(int skus) {
        batched.increment(skus);
    }

    void calibrated(Map<String, Double> innerWape) {
        latestWape.putAll(innerWape);
    }
}
