package com.agentfactory.inventory.signal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HourlySignalsRepository extends JpaRepository<HourlySignals, HourlySignals.Key> {

    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO demand_signals (product_id, hour, views, cart_units)"
                    + " VALUES (:productId, :hour, :views, :cartUnits)"
                    + " ON CONFLICT (product_id, hour) DO UPDATE SET views = demand_signals.views + EXCLUDED.views,"
                    + " cart_units = demand_signals.cart_units + EXCLUDED.cart_units")
    int add(UUID productId, Instant hour, int views, int cartUnits);

    /**
     * The SKU's signals over all its products, split at {@code recentFrom}: [views before, cart units before, views
     * since, cart units since], counting from {@code from}.
     */
    @Query(
            nativeQuery = true,
            value = "SELECT coalesce(sum(s.views) FILTER (WHERE s.hour < :recentFrom), 0),"
                    + " coalesce(sum(s.cart_units) FILTER (WHERE s.hour < :recentFrom), 0),"
                    + " coalesce(sum(s.views) FILTER (WHERE s.hour >= :recentFrom), 0),"
                    + " coalesce(sum(s.cart_units) FILTER (WHERE s.hour >= :recentFrom), 0)"
                    + " FROM demand_signals s JOIN product_skus p ON p.product_id = s.product_id"
                    + " WHERE p.sku = :sku AND s.hour >= :from")
    java.util.List<Object[]> totals(String sku, Instant from, Instant recentFrom);

    /** The oldest hour kept, of any product: signals have been collected since. */
    @Query("select min(s.key.hour) from HourlySignals s")
    Optional<Instant> oldestHour();

    @Modifying
    @Query(nativeQuery = true, value = "DELETE FROM demand_signals WHERE hour < :before")
    int deleteBefore(Instant before);
}
