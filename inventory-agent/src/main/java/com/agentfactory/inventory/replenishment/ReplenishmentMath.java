package com.agentfactory.inventory.replenishment;

import java.math.BigDecimal;
import java.util.Comparator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The textbook reorder policy. Daily demand is taken as independent from day to day, so its spread over a lead
 * time of L days is the daily spread times the square root of L.
 */
final class ReplenishmentMath {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final double DAYS_PER_YEAR = 365;

    private ReplenishmentMath() {}

    /** The standard normal quantile of the service level: 1.645 for 95%. */
    static double z(double serviceLevel) {
        return STANDARD_NORMAL.inverseCumulativeProbability(serviceLevel);
    }

    static int safetyStock(double serviceLevel, double sdDaily, int leadTimeDays) {
        return (int) Math.ceil(z(serviceLevel) * sdDaily * Math.sqrt(leadTimeDays));
    }

    static int reorderPoint(double meanDaily, int leadTimeDays, int safetyStock) {
        return (int) Math.ceil(meanDaily * leadTimeDays) + safetyStock;
    }

    /**
     * Wilson's economic order quantity, sqrt(2 D S / H): D yearly demand, S the cost of one order, H the yearly cost
     * of holding one unit (the holding rate times the unit cost). 0 when there is no demand, and when the ordering
     * cost and the unit cost are in different currencies: without a rate between them their ratio means nothing, and
     * the order is then sized by the shortfall, the minimum and the pack alone.
     */
    static int economicOrderQuantity(
            double meanDaily,
            BigDecimal orderingCost,
            String orderingCurrency,
            double holdingCostRate,
            BigDecimal unitCost,
            String unitCurrency) {
        if (!orderingCurrency.equals(unitCurrency)) {
            return 0;
        }
        double yearly = meanDaily * DAYS_PER_YEAR;
        double holding = holdingCostRate * unitCost.doubleValue();
        if (yearly <= 0 || holding <= 0) {
            return 0;
        }
        return (int) Math.ceil(Math.sqrt(2 * yearly * orderingCost.doubleValue() / holding));
    }

    /**
     * The order suppliers are preferred in: those in the budget's currency first, since finance reserves only in its
     * own; then the shortest lead time; then the lowest unit cost, compared only among suppliers in the same currency
     * (suppliers tied on lead time are grouped by currency code first, so a price is never set against a price in
     * another currency).
     */
    static Comparator<Supplier> supplierPreference(String budgetCurrency) {
        return Comparator.comparing((Supplier supplier) -> !supplier.currency().equals(budgetCurrency))
                .thenComparingInt(Supplier::leadTimeDays)
                .thenComparing(Supplier::currency)
                .thenComparing(Supplier::unitCost)
                .thenComparing(Supplier::getId);
    }

    /**
     * What to order: at least the economic quantity and what brings stock back above the reorder point, at least
     * the supplier's minimum, in whole packs.
     */
    static int orderQuantity(int economic, int shortfall, int minimumOrder, int packSize) {
        int wanted = Math.max(Math.max(economic, shortfall), Math.max(minimumOrder, 1));
        return Math.ceilDiv(wanted, packSize) * packSize;
    }
}
