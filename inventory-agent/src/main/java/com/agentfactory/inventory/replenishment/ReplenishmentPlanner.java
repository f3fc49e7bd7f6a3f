package com.agentfactory.inventory.replenishment;

import com.agentfactory.inventory.forecast.DemandOutlook;
import com.agentfactory.inventory.forecast.DemandProfile;
import com.agentfactory.inventory.forecast.PromotionLift;
import com.agentfactory.inventory.signal.SignalLift;
import com.agentfactory.inventory.stock.InventoryProperties;
import com.agentfactory.inventory.stock.StockPosition;
import com.agentfactory.inventory.stock.StockService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes and keeps each SKU's reorder plan per warehouse, from that warehouse's demand; the low-stock alert of a
 * warehouse reads its reorder point.
 */
@Service
public class ReplenishmentPlanner {

    private final ReplenishmentPlanRepository plans;
    private final Suppliers suppliers;
    private final DemandOutlook demand;
    private final StockService stock;
    private final InventoryProperties properties;
    private final Clock clock;

    ReplenishmentPlanner(
            ReplenishmentPlanRepository plans,
            Suppliers suppliers,
            DemandOutlook demand,
            StockService stock,
            InventoryProperties properties,
            Clock clock) {
        this.plans = plans;
        this.suppliers = suppliers;
        this.demand = demand;
        this.stock = stock;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Recomputes the SKU's plan at each warehouse that stocks it (the default one for a SKU not stocked yet) from the
     * warehouse's demand of the window before today, the lift of today's demand signals and the SKU's preferred
     * supplier; empty (and nothing stored) when no supplier sells the SKU. Idempotent: the same demand and signals
     * give the same plans.
     */
    @Transactional
    public List<ReorderPlan> plan(String sku) {
        var policy = properties.replenishment();
        var supplier = suppliers.preferredFor(sku, policy.currency());
        if (supplier.isEmpty()) {
            return List.of();
        }
        List<String> locations =
                stock.positionsOf(sku).stream().map(StockPosition::location).toList();
        if (locations.isEmpty()) {
            locations = List.of(properties.defaultLocation());
        }
        LocalDate today = LocalDate.now(clock);
        int leadTime = supplier.get().leadTimeDays();
        // the SKU's, so read once for all its warehouses
        SignalLift lift = demand.liftOn(sku, today);
        PromotionLift promotions = demand.promotionsOn(sku, today, leadTime);
        List<ReorderPlan> planned = new ArrayList<>();
        for (String location : locations) {
            DemandProfile profile = demand.profileOf(sku, location, today, policy.demandWindowDays());
            int safetyStock = ReplenishmentMath.safetyStock(policy.serviceLevel(), profile.sdDaily(), leadTime);
            // demand over the lead time carries today's signals, fading over the days ahead, and the promotions
            // planned in it; the order size does not, being a year's economics
            int reorderPoint = ReplenishmentMath.reorderPoint(
                    profile.meanDaily() * lift.meanFactorOver(leadTime) * promotions.meanFactorOver(today, leadTime),
                    leadTime,
                    safetyStock);
            int economic = ReplenishmentMath.economicOrderQuantity(
                    profile.meanDaily(),
                    policy.orderingCost(),
                    policy.currency(),
                    policy.holdingCostRate(),
                    supplier.get().unitCost(),
                    supplier.get().currency());
            ReplenishmentPlan plan = plans.findById(new ReplenishmentPlan.Key(sku, location))
                    .orElseGet(() -> new ReplenishmentPlan(sku, location));
            plan.update(
                    supplier.get().getId(),
                    profile.meanDaily(),
                    profile.sdDaily(),
                    basisOf(profile, lift, promotions, today, leadTime),
                    leadTime,
                    safetyStock,
                    reorderPoint,
                    economic,
                    clock.instant());
            planned.add(plans.save(plan).view());
        }
        return planned;
    }

    /** Where the plan's demand comes from, the signals' and the promotions' lifts included when they apply. */
    private static String basisOf(
            DemandProfile profile, SignalLift lift, PromotionLift promotions, LocalDate today, int leadTime) {
        String basis = lift.adjusts()
                ? profile.source() + ", demand signals x%.2f today (%s)".formatted(lift.lift(), lift.basis())
                : profile.source();
        return promotions.adjusts()
                ? basis
                        + ", promotions x%.2f over the lead time (%s)"
                                .formatted(promotions.meanFactorOver(today, leadTime), promotions.basis())
                : basis;
    }

    /** The computed reorder point of the SKU at the warehouse, if one was computed. */
    @Transactional(readOnly = true)
    public OptionalInt reorderPointOf(String sku, String location) {
        return plans.findById(new ReplenishmentPlan.Key(sku, location))
                .map(plan -> OptionalInt.of(plan.view().reorderPoint()))
                .orElseGet(OptionalInt::empty);
    }

    /** The order quantity for a SKU short of {@code shortfall} units below its reorder point. */
    public static int orderQuantity(ReorderPlan plan, Supplier supplier, int shortfall) {
        return ReplenishmentMath.orderQuantity(
                plan.economicOrderQuantity(), shortfall, supplier.minimumOrder(), supplier.packSize());
    }
}
