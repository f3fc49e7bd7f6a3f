package com.agentfactory.inventory.purchasing;

import com.agentfactory.inventory.config.OutsideTaskTransaction;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The agent approving a suggestion by itself: refused (not permitted) above its approval limit, refused
 * (conflict) when finance does not reserve the cost. Finance not answering is retried by the runtime.
 */
@Component
class ApprovePurchaseOrderTaskHandler implements TaskHandler<ApprovePurchaseOrderRequest, PurchaseOrderResponse> {

    static final String TASK_TYPE = "approve-purchase-order";

    private final PurchaseOrders orders;
    private final OutsideTaskTransaction outsideTaskTransaction;

    ApprovePurchaseOrderTaskHandler(PurchaseOrders orders, OutsideTaskTransaction outsideTaskTransaction) {
        this.orders = orders;
        this.outsideTaskTransaction = outsideTaskTransaction;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Approves a suggested purchase order within the agent's approval limit, reserving its cost from the"
                + " inventory budget with finance.";
    }

    @Override
    public ApprovePurchaseOrderRequest example() {
        return new ApprovePurchaseOrderRequest(
                UUID.fromString("5d3c1c2e-8f1a-4c55-9a57-2f0f8b6a1e01"), "below reorder point, within budget");
    }

    @Override
    public PurchaseOrderResponse handle(ApprovePurchaseOrderRequest input, TaskContext context) {
        // the reservation key has to be committed before finance is asked, as on REST
        return outsideTaskTransaction.run(() -> orders.approveAutomatically(input.purchaseOrderId(), input.reason()));
    }
}
