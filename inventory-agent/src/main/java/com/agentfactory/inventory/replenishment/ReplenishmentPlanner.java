package com.agentfactory.inventory.replenishment;

import com.agentfactory.inventory.forecast.DemandOutlook;
import com.agentfactory.inventory.forecast.DemandProfile;
import com.agentfactory.inventory.stock.InventoryProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes and keeps each SKU's reorder plan; the low-stock alert reads its reorder point. */
@Service
public class ReplenishmentPlanner {

    private final ReplenishmentPlanRepository plans;
    private final Suppliers suppliers;
    private final DemandOutlook demand;
    private final InventoryProperties properties;
    private final Clock clock;

    ReplenishmentPlanner(
            ReplenishmentPlanRepository plans,
            Suppliers suppliers,
            DemandOutlook demand,
            InventoryProperties properties,
            Clock clock) {
        this.plans = plans;
        this.suppliers = suppliers;
        this.demand = demand;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Recomputes the SKU's plan from the demand of the window before today, the lift of today's demand signals and
     * its preferred supplier; empty (and nothing stored) when no supplier sells the SKU. Idempotent: the same demand
     * and signals give the same plan.
     */
    @Transactional
    public Optional<ReorderPlan> plan(String sku) {
        var supplier = suppliers.preferredFor(sku);
        if (supplier.isEmpty()) {
            return Optional.empty();
        }
        var policy = properties.replenishment();
        DemandProfile profile = demand.profileOf(sku, LocalDate.now(clock), policy.demandWindowDays());
        int leadTime = supplier.get().leadTimeDays();
        int safetyStock = ReplenishmentMath.safetyStock(policy.serviceLevel(), profile.sdDaily(), leadTime);
        // demand over the lead time carries today's signals, fading over the days ahead; the order size does not,
        // being a year's economics
        int reorderPoint = ReplenishmentMath.reorderPoint(profile.expectedDailyOver(leadTime), leadTime, safetyStock);
        int economic = ReplenishmentMath.economicOrderQuantity(
                profile.meanDaily(),
                policy.orderingCost(),
                policy.holdingCostRate(),
                supplier.get().unitCost());
        ReplenishmentPlan plan = plans.findById(sku).orElseGet(() -> new ReplenishmentPlan(sku));
        plan.update(
                supplier.get().getId(),
                profile.meanDaily(),
                profile.sdDaily(),
                profile.basis(),
                leadTime,
                safetyStock,
                reorderPoint,
                economic,
                clock.instant());
        return Optional.of(plans.save(plan).view());
    }

    @Transactional(readOnly = true)
    public Optional<ReorderPlan> planOf(String sku) {
        return plans.findById(sku).map(ReplenishmentPlan::view);
    }

    /** The computed reorder point of the SKU, if one was computed. */
    @Transactional(readOnly = true)
    public OptionalInt reorderPointOf(String sku) {
        return plans.findById(sku)
                .map(plan -> OptionalInt.of(plan.view().reorderPoint()))
                .orElseGet(OptionalInt::empty);
    }

    /** The order quantity for a SKU short of {@code shortfall} units below its reorder point. */
    public static int orderQuantity(ReorderPlan plan, Supplier supplier, int shortfall) {
        return ReplenishmentMath.orderQuantity(
                plan.economicOrderQuantity(), shortfall, supplier.minimumOrder(), supplier.packSize());
    }
}
