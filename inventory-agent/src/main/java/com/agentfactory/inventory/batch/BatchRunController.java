package com.agentfactory.inventory.batch;

import com.agentfactory.messaging.paging.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/batch-runs")
class BatchRunController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final BatchRuns runs;

    BatchRunController(BatchRuns runs) {
        this.runs = runs;
    }

    /** The daily runs, newest first. */
    @GetMapping
    PageResponse<BatchRunResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return runs.list(page, limit);
    }

    @GetMapping("/{id}")
    BatchRunResponse get(@PathVariable UUID id) {
        return runs.get(id);
    }
}
