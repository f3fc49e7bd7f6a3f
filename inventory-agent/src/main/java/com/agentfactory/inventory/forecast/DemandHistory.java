package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.stock.UnitsOrdered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds each order's units to the day's demand, in the transaction that applies the order, so it counts once. */
@Component
class DemandHistory {

    private final DailyDemandRepository demand;

    DemandHistory(DailyDemandRepository demand) {
        this.demand = demand;
    }

    @EventListener
    @Transactional
    void onUnitsOrdered(UnitsOrdered ordered) {
        demand.add(ordered.sku(), ordered.location(), ordered.day(), ordered.units());
    }
}
