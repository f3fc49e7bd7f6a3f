package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.signal.DemandSignals;
import com.agentfactory.inventory.signal.SignalLift;
import com.agentfactory.inventory.stock.InventoryProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mean and spread of a SKU's daily demand, at one warehouse or all, for reorder points and stock-cover alerts.
 * Measured on the order history, days without orders counting as zero, from the window's start or the first sale
 * inside it; a person's override in force on the day after the window replaces the mean (the spread stays the
 * history's: the override says how much, not how certain), shared among the warehouses as their demand in the
 * window was. What views and cart additions say of demand now is {@link #liftOn}, apart: it is one SKU's, not a
 * warehouse's; what planned promotions will do is {@link #promotionsOn}.
 */
@Service
public class DemandOutlook {

    static final String SOURCE = "daily-demand-history";

    private final DailyDemandRepository demand;
    private final ForecastOverrides overrides;
    private final DemandSignals signals;
    private final PromotionLifts promotionLifts;
    private final InventoryProperties properties;
    private final Clock clock;

    DemandOutlook(
            DailyDemandRepository demand,
            ForecastOverrides overrides,
            DemandSignals signals,
            PromotionLifts promotionLifts,
            InventoryProperties properties,
            Clock clock) {
        this.demand = demand;
        this.overrides = overrides;
        this.signals = signals;
        this.promotionLifts = promotionLifts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Demand over the {@code windowDays} days before {@code until} (exclusive) at {@code location}, or at all
     * warehouses together when it is null.
     */
    @Transactional(readOnly = true)
    public DemandProfile profileOf(String sku, String location, LocalDate until, int windowDays) {
        LocalDate from = until.minusDays(windowDays);
        var days = demand.between(sku, location, from, until);
        LocalDate lastSale = demand.lastDayBefore(sku, until).orElse(null);
        var override = overrides.activeOn(sku, until);
        double overrideDaily = override.map(o -> o.dailyUnits() * shareOf(sku, location, days, from, until))
                .orElse(0.0);
        if (days.isEmpty()) {
            return override.map(o -> new DemandProfile(sku, overrideDaily, 0, windowDays, lastSale, sourceOf(o)))
                    .orElseGet(() -> new DemandProfile(sku, 0, 0, 0, lastSale, SOURCE));
        }
        LocalDate first = days.getFirst().day();
        int observed = (int) ChronoUnit.DAYS.between(first, until);
        double[] series = new double[observed];
        days.forEach(day -> series[(int) ChronoUnit.DAYS.between(first, day.day())] += day.units());
        double mean = 0;
        for (double units : series) {
            mean += units;
        }
        mean /= observed;
        double squares = 0;
        for (double units : series) {
            squares += (units - mean) * (units - mean);
        }
        double sd = observed > 1 ? Math.sqrt(squares / (observed - 1)) : 0;
        if (override.isPresent()) {
            return new DemandProfile(sku, overrideDaily, sd, observed, lastSale, sourceOf(override.get()));
        }
        return new DemandProfile(sku, mean, sd, observed, lastSale, SOURCE);
    }

    /**
     * The lift today's views and cart additions put on the SKU's demand after {@code until}, the same at every
     * warehouse: none unless {@code until} is today, none while a person's override is in force (the person said
     * how much).
     */
    @Transactional(readOnly = true)
    public SignalLift liftOn(String sku, LocalDate until) {
        if (!until.equals(LocalDate.now(clock))) {
            return SignalLift.none("not up to today");
        }
        if (overrides.activeOn(sku, until).isPresent()) {
            return SignalLift.none("a person's override is in force");
        }
        return signals.liftOf(sku);
    }

    /**
     * The lift planned promotions put on the SKU's demand over the {@code days} days from {@code from}, the same at
     * every warehouse: none while a person's override is in force on {@code from} (the person said how much).
     */
    @Transactional(readOnly = true)
    public PromotionLift promotionsOn(String sku, LocalDate from, int days) {
        PromotionLift lift = promotionLifts.of(sku, from, days);
        // most SKUs have no promotion: the override is looked up only for those that do
        if (lift.adjusts() && overrides.activeOn(sku, from).isPresent()) {
            return PromotionLift.none("a person's override is in force");
        }
        return lift;
    }

    /**
     * The warehouse's share of the SKU's units in the window (1 for all warehouses together); with no units
     * anywhere, the default warehouse, where orders that name none are taken from, has it all.
     */
    private double shareOf(String sku, String location, List<DailyDemand> atLocation, LocalDate from, LocalDate until) {
        if (location == null) {
            return 1;
        }
        double here = atLocation.stream().mapToInt(DailyDemand::units).sum();
        double everywhere = demand.between(sku, null, from, until).stream()
                .mapToInt(DailyDemand::units)
                .sum();
        if (everywhere == 0) {
            return location.equals(properties.defaultLocation()) ? 1 : 0;
        }
        return here / everywhere;
    }

    private static String sourceOf(ForecastOverride override) {
        return "override " + override.getId() + " by " + override.createdBy();
    }
}
