package com.agentfactory.inventory.alert;

import com.agentfactory.inventory.forecast.DemandOutlook;
import com.agentfactory.inventory.forecast.DemandProfile;
import com.agentfactory.inventory.replenishment.ReplenishmentPlanner;
import com.agentfactory.inventory.stock.InventoryProperties;
import com.agentfactory.inventory.stock.StockPosition;
import com.agentfactory.inventory.stock.StockService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the slower alert conditions of a SKU at each warehouse, as of today: overstock (on hand lasts longer
 * than the threshold at the mean daily demand), slow moving (stock on hand, no sale in the window; only SKUs that
 * sold at least once are judged, as when a never-sold SKU was stocked is not kept) and expiry
 * risk (the earliest expiry of perishable stock on hand is within the window). Whether each held is stored, so an
 * alert is raised only when a condition starts to hold; checking twice raises nothing more.
 */
@Service
public class StockConditions {

    private final StockService stock;
    private final DemandOutlook demand;
    private final StockAlertRepository alerts;
    private final StockAlerts raiser;
    private final InventoryProperties properties;
    private final ReplenishmentPlanner planner;
    private final Clock clock;

    StockConditions(
            StockService stock,
            DemandOutlook demand,
            StockAlertRepository alerts,
            StockAlerts raiser,
            InventoryProperties properties,
            ReplenishmentPlanner planner,
            Clock clock) {
        this.stock = stock;
        this.demand = demand;
        this.alerts = alerts;
        this.raiser = raiser;
        this.properties = properties;
        this.planner = planner;
        this.clock = clock;
    }

    /** Returns the alert types raised now (empty when nothing newly holds). */
    @Transactional
    public List<String> check(String sku) {
        var policy = properties.replenishment();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<String> raised = new ArrayList<>();
        for (StockPosition position : stock.positionsOf(sku)) {
            // each warehouse's cover from its own demand
            DemandProfile profile = demand.profileOf(sku, position.location(), today, policy.demandWindowDays());
            int reorderPoint =
                    planner.reorderPointOf(sku, position.location()).orElseGet(() -> properties.reorderPointOf(sku));
            boolean overstock =
                    profile.hasDemand() && position.onHand() / profile.meanDaily() > policy.overstockDaysOfCover();
            boolean slowMoving = position.onHand() > 0
                    && profile.lastSaleDay() != null
                    && ChronoUnit.DAYS.between(profile.lastSaleDay(), today) >= policy.slowMovingDays();
            boolean expiryRisk = position.expiresOn() != null
                    && ChronoUnit.DAYS.between(today, position.expiresOn()) < policy.expiryRiskDays();
            judge(position, reorderPoint, StockAlertType.OVERSTOCK, overstock, now, raised);
            judge(position, reorderPoint, StockAlertType.SLOW_MOVING, slowMoving, now, raised);
            judge(position, reorderPoint, StockAlertType.EXPIRY_RISK, expiryRisk, now, raised);
        }
        return raised;
    }

    private void judge(
            StockPosition position,
            int reorderPoint,
            StockAlertType type,
            boolean holds,
            Instant now,
            List<String> raised) {
        // a plain read only spares writing "does not hold" for a condition never recorded; whether a crossing is
        // raised is decided by the conditional upsert, which sees another run's change
        if (!holds
                && alerts.conditionHeld(position.sku(), position.location(), type.name())
                        .isEmpty()) {
            return;
        }
        boolean changed =
                alerts.recordConditionIfChanged(position.sku(), position.location(), type.name(), holds, now) == 1;
        if (changed && holds) {
            raiser.raise(
                    new StockAlert(position.sku(), position.location(), type, position.available(), reorderPoint, now));
            raised.add(type.name().toLowerCase(Locale.ROOT));
        }
    }
}
