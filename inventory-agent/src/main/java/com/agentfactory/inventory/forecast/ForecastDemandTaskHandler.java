package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The demand forecast as an agent task, answered as {@code POST /api/v1/inventory/forecasts} answers it. */
@Component
class ForecastDemandTaskHandler implements TaskHandler<ForecastDemandRequest, DemandForecastResponse> {

    static final String TASK_TYPE = "forecast-demand";

    private final DemandForecaster forecaster;

    ForecastDemandTaskHandler(DemandForecaster forecaster) {
        this.forecaster = forecaster;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Forecasts a SKU's daily demand for 1 to 183 days with 80% and 95% prediction intervals"
                + " (a per-SKU weighted ensemble of ETS, Croston/SBA/TSB, a rolling median and gradient-boosted trees;"
                + " conformal intervals).";
    }

    @Override
    public ForecastDemandRequest example() {
        return new ForecastDemandRequest("85123A", null, 28, LocalDate.of(2011, 9, 1));
    }

    @Override
    public DemandForecastResponse handle(ForecastDemandRequest input, TaskContext context) {
        return forecaster.forecast(input);
    }
}
