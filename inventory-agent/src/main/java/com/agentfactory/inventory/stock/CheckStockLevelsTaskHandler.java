package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/** The stock check as an agent task, answered as {@code GET /api/v1/inventory/stock?skus=} answers it. */
@Component
class CheckStockLevelsTaskHandler implements TaskHandler<CheckStockLevelsRequest, StockLevelsResponse> {

    static final String TASK_TYPE = "check-stock-levels";

    private final StockService stock;

    CheckStockLevelsTaskHandler(StockService stock) {
        this.stock = stock;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Answers the stock of up to 100 SKUs, available and on hand, in total and per warehouse.";
    }

    @Override
    public CheckStockLevelsRequest example() {
        return new CheckStockLevelsRequest(List.of("85123A", "22423"));
    }

    @Override
    public StockLevelsResponse handle(CheckStockLevelsRequest input, TaskContext context) {
        return stock.levels(input);
    }
}
