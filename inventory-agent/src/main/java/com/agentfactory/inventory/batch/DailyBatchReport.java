package com.agentfactory.inventory.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a daily run did; the same report is stored and read at {@code GET /api/v1/inventory/batch-runs/{runId}}.
 *
 * @param modelVersion the forecast model version the run trained (null when no SKU could be forecast)
 * @param forecastSkus the SKUs forecast
 * @param alertsRaised alerts newly raised by type (overstock, slow_moving, expiry_risk)
 * @param budgetsSettled received or cancelled orders whose reservation finance was told about only now
 * @param errors what went wrong without stopping the run
 */
record DailyBatchReport(
        UUID runId,
        Instant startedAt,
        Instant finishedAt,
        int skus,
        Integer modelVersion,
        int forecastSkus,
        int suggested,
        int autoApproved,
        Map<String, Integer> alertsRaised,
        int budgetsSettled,
        List<String> errors) {}
