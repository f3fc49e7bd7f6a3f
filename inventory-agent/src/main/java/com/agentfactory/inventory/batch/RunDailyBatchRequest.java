package com.agentfactory.inventory.batch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;

/**
 * A daily run.
 *
 * @param autoApprove whether the agent approves and places suggestions within its approval limit (default true)
 * @param origin the first day forecast (today when absent); the models learn from the orders before it
 * @param horizonDays the days forecast from the origin, 1 to 183 (default 90)
 */
record RunDailyBatchRequest(
        Boolean autoApprove,
        LocalDate origin,
        @Min(1) @Max(183) Integer horizonDays) {

    static final int DEFAULT_HORIZON_DAYS = 90;

    boolean approving() {
        return autoApprove == null || autoApprove;
    }

    int horizon() {
        return horizonDays == null ? DEFAULT_HORIZON_DAYS : horizonDays;
    }
}
