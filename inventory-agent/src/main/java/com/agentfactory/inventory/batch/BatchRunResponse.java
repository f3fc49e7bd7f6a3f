package com.agentfactory.inventory.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A daily run's report.
 *
 * @param status running, succeeded or failed (a run left running long after it started is given up as failed, its
 *     failure saying it was interrupted)
 * @param modelVersion the version of the forecast models this run trained; null when it made no forecasts
 * @param modelErrors each model's and the ensemble's weighted absolute percentage error on the calibration weeks
 * @param errors what went wrong without stopping the run
 * @param failure what stopped the run
 */
record BatchRunResponse(
        UUID id,
        String status,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        int skus,
        UUID forecastModelId,
        Integer modelVersion,
        int forecastSkus,
        int forecastFailedSkus,
        Map<String, Double> modelErrors,
        int suggested,
        int autoApproved,
        Map<String, Integer> alertsRaised,
        int budgetsSettled,
        List<String> errors,
        String failure) {

    static BatchRunResponse of(BatchRun run, Map<String, Double> modelErrors) {
        return new BatchRunResponse(
                run.getId(),
                run.status().name().toLowerCase(java.util.Locale.ROOT),
                run.startedAt(),
                run.finishedAt(),
                run.durationMs(),
                run.skus(),
                run.forecastModelId(),
                run.modelVersion(),
                run.forecastSkus(),
                run.forecastFailedSkus(),
                modelErrors,
                run.suggested(),
                run.autoApproved(),
                Map.copyOf(run.alertsRaised()),
                run.budgetsSettled(),
                List.copyOf(run.errors()),
                run.failure());
    }
}
