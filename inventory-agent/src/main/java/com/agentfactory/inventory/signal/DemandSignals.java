package com.agentfactory.inventory.signal;

import com.agentfactory.inventory.stock.StockService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the storefront's views and cart additions per product and hour as they arrive, and reads from them how a
 * SKU is wanted now against its usual level: the lift that forecasts and reorder points apply between daily runs.
 */
@Service
public class DemandSignals {

    private static final Logger log = LoggerFactory.getLogger(DemandSignals.class);
    private static final double HOURS_PER_DAY = 24;

    private final HourlySignalsRepository signals;
    private final ProductSkuRepository products;
    private final StockService stock;
    private final SignalProperties settings;
    private final Clock clock;
    private final Counter stale;

    DemandSignals(
            HourlySignalsRepository signals,
            ProductSkuRepository products,
            StockService stock,
            SignalProperties settings,
            Clock clock,
            MeterRegistry meters) {
        this.signals = signals;
        this.products = products;
        this.stock = stock;
        this.settings = settings;
        this.clock = clock;
        this.stale = Counter.builder("inventory.signals.stale")
                .description("views and cart additions too old for any window, not kept")
                .register(meters);
    }

    /** Remembers which SKU the product is, so its views and cart additions count for that SKU. */
    @Transactional
    public void productIs(UUID productId, String sku, Instant at) {
        products.upsert(productId, sku, at);
    }

    /** Counts views and units put in a cart of the product in the hour they happened. */
    @Transactional
    public void record(UUID productId, Instant occurredAt, int views, int cartUnits) {
        Instant now = clock.instant();
        if (occurredAt.isBefore(now.minus(settings.lookback()))) {
            // a replayed history is no signal of demand now
            stale.increment();
            return;
        }
        // a storefront clock ahead of ours must not put signals into an hour no window has reached
        Instant at = occurredAt.isAfter(now) ? now : occurredAt;
        signals.add(productId, at.truncatedTo(ChronoUnit.HOURS), views, cartUnits);
    }

    /**
     * The SKU's lift now: its signals per day over the recent window (the hour it started in to now) against its
     * daily level over the baseline days before, once signals have been collected for long enough to know that level.
     */
    @Transactional(readOnly = true)
    public SignalLift liftOf(String sku) {
        Instant now = clock.instant();
        Instant recentFrom = now.minus(settings.recentWindow()).truncatedTo(ChronoUnit.HOURS);
        Instant baselineFrom = recentFrom.minus(Duration.ofDays(settings.baselineDays()));
        var oldest = signals.oldestHour();
        Instant collectedSince =
                oldest.filter(hour -> hour.isAfter(baselineFrom)).orElse(baselineFrom);
        double baselineDays = Duration.between(collectedSince, recentFrom).toMinutes() / (60 * HOURS_PER_DAY);
        if (oldest.isEmpty() || baselineDays < settings.minimumBaselineDays()) {
            return SignalLift.none("signals collected for %.1f days, %d needed to know a SKU's usual level"
                    .formatted(Math.max(0, baselineDays), settings.minimumBaselineDays()));
        }
        Object[] totals = signals.totals(sku, baselineFrom, recentFrom).getFirst();
        double baselineDaily = weighted(totals[0], totals[1]) / baselineDays;
        double recentHours = Duration.between(recentFrom, now).toMinutes() / 60.0;
        double recentDaily = weighted(totals[2], totals[3]) * HOURS_PER_DAY / recentHours;
        return SignalLift.of(recentDaily, baselineDaily, baselineDays, settings);
    }

    /** The SKU's lift now, for the API; unknown SKUs are refused. */
    @Transactional(readOnly = true)
    DemandSignalsResponse of(String sku) {
        stock.requireStocked(sku);
        return DemandSignalsResponse.of(sku, liftOf(sku));
    }

    // hourly: the table keeps only what a window can still read
    @Scheduled(fixedDelayString = "${agentfactory.inventory.signals.purge-interval:1h}")
    @Transactional
    public void purge() {
        int deleted = signals.deleteBefore(clock.instant().minus(settings.lookback()));
        if (deleted > 0) {
            log.debug("purged {} hours of demand signals no window reads", deleted);
        }
    }

    private double weighted(Object views, Object cartUnits) {
        return ((Number) cartUnits).doubleValue() + settings.viewWeight() * ((Number) views).doubleValue();
    }
}
