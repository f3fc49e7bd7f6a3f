package com.agentfactory.inventory.purchasing;

import com.agentfactory.inventory.config.OutsideTaskTransaction;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reorder suggestions as an agent task, answered as {@code POST /api/v1/inventory/purchase-orders/suggestions}. */
@Component
class SuggestReordersTaskHandler implements TaskHandler<SuggestReordersRequest, SuggestReordersResponse> {

    static final String TASK_TYPE = "suggest-reorders";

    private final PurchaseOrders orders;
    private final OutsideTaskTransaction outsideTaskTransaction;

    SuggestReordersTaskHandler(PurchaseOrders orders, OutsideTaskTransaction outsideTaskTransaction) {
        this.orders = orders;
        this.outsideTaskTransaction = outsideTaskTransaction;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Recomputes reorder points (safety stock, EOQ, supplier MOQ and packs) and suggests purchase orders"
                + " for SKUs below them, most urgent first.";
    }

    @Override
    public SuggestReordersRequest example() {
        return new SuggestReordersRequest(List.of("85123A", "22423"));
    }

    @Override
    public SuggestReordersResponse handle(SuggestReordersRequest input, TaskContext context) {
        // each warehouse's suggestion commits on its own, as on REST: a collision with a concurrent draft or
        // suggestion is tried again in a fresh transaction, which inside the runtime's one would already be aborted
        return outsideTaskTransaction.run(() -> orders.suggest(input));
    }
}
