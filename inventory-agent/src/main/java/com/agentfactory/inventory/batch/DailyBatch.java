package com.agentfactory.inventory.batch;

import com.agentfactory.inventory.alert.StockConditions;
import com.agentfactory.inventory.purchasing.PurchaseOrders;
import com.agentfactory.inventory.stock.StockService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * Runs every SKU through the day's steps. Each step of each SKU commits on its own and is idempotent (a plan is
 * recomputed, a condition alert is raised only on a crossing, a SKU has at most one open suggestion), so a run
 * that crashes loses nothing: the next run redoes what was not done and repeats nothing that was.
 */
@Service
class DailyBatch {

    private final StockService stock;
    private final StockConditions conditions;
    private final PurchaseOrders orders;
    private final Clock clock;

    DailyBatch(StockService stock, StockConditions conditions, PurchaseOrders orders, Clock clock) {
        this.stock = stock;
        this.conditions = conditions;
        this.orders = orders;
        this.clock = clock;
    }

    DailyBatchReport run(RunDailyBatchRequest request, IntConsumer progress) {
        Instant started = clock.instant();
        List<String> skus = stock.stockedSkus();
        Map<String, Integer> alerts = new TreeMap<>();
        int suggested = 0;
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            suggested += orders.suggestFor(sku);
            conditions.check(sku).forEach(type -> alerts.merge(type, 1, Integer::sum));
            progress.accept((int) ((i + 1) * 90L / skus.size()));
        }
        int approved = 0;
        if (request.approving()) {
            for (UUID id : orders.suggestionsWithinAutoApprovalLimit()) {
                if (orders.approveAndOrderAutomatically(id, "daily run: within the agent's approval limit")) {
                    approved++;
                }
            }
        }
        int settled = orders.settleBudgets();
        progress.accept(100);
        return new DailyBatchReport(started, clock.instant(), skus.size(), suggested, approved, alerts, settled);
    }
}
