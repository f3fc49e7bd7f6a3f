package com.agentfactory.inventory.purchasing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Purchase orders by status, counted in the database when the metrics are read (a few indexed counts). */
@Component
class PurchaseOrderMetrics {

    static final String METRIC = "inventory.purchase.orders";

    PurchaseOrderMetrics(PurchaseOrderRepository orders, MeterRegistry meters) {
        for (PurchaseOrderStatus status : PurchaseOrderStatus.values()) {
            Gauge.builder(METRIC, orders, repository -> repository.countByStatus(status))
                    .description("Purchase orders in each status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }
}
