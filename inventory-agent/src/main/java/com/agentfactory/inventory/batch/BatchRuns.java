package com.agentfactory.inventory.batch;

import com.agentfactory.inventory.forecast.BatchForecasting;
import com.agentfactory.messaging.paging.PageResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored reports of the daily runs. */
@Service
class BatchRuns {

    private final BatchRunRepository runs;
    private final BatchForecasting forecasting;

    BatchRuns(BatchRunRepository runs, BatchForecasting forecasting) {
        this.runs = runs;
        this.forecasting = forecasting;
    }

    @Transactional(readOnly = true)
    PageResponse<BatchRunResponse> list(int page, int limit) {
        var found = runs.findAllByOrderByStartedAtDesc(PageRequest.of(page - 1, limit));
        return PageResponse.of(
                found.getContent().stream().map(this::response).toList(), found.getTotalElements(), page, limit);
    }

    @Transactional(readOnly = true)
    BatchRunResponse get(UUID id) {
        return runs.findById(id).map(this::response).orElseThrow(() -> new BatchRunNotFoundException(id));
    }

    private BatchRunResponse response(BatchRun run) {
        Map<String, Double> errors =
                run.forecastModelId() == null ? Map.of() : forecasting.errorsOf(run.forecastModelId());
        return BatchRunResponse.of(run, errors);
    }
}
