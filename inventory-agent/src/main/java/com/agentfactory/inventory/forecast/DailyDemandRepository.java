package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DailyDemandRepository extends JpaRepository<DailyDemand, DailyDemand.Key> {

    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO daily_demand (sku, location, day, units) VALUES (:sku, :location, :day, :units)"
                    + " ON CONFLICT (sku, location, day) DO UPDATE SET units = daily_demand.units + EXCLUDED.units")
    int add(String sku, String location, LocalDate day, int units);

    /** Days with demand, oldest first; {@code location} null for all warehouses together. */
    @Query("select d from DailyDemand d where d.key.sku = :sku and (:location is null or d.key.location = :location)"
            + " and d.key.day >= :from and d.key.day < :until order by d.key.day")
    List<DailyDemand> between(String sku, String location, LocalDate from, LocalDate until);

    /** The SKUs other than {@code sku} with the most units in the window, most first. */
    @Query(
            nativeQuery = true,
            value = "SELECT sku FROM daily_demand WHERE sku <> :sku"
                    + " AND (cast(:location AS text) IS NULL OR location = cast(:location AS text))"
                    + " AND day >= :from AND day < :until GROUP BY sku ORDER BY sum(units) DESC, sku LIMIT :limit")
    List<String> busiestOthers(String sku, String location, LocalDate from, LocalDate until, int limit);

    /** Days with demand of the SKUs, oldest first; {@code location} null for all warehouses together. */
    @Query("select d from DailyDemand d where d.key.sku in :skus and (:location is null or d.key.location = :location)"
            + " and d.key.day >= :from and d.key.day < :until order by d.key.day")
    List<DailyDemand> ofSkus(java.util.Collection<String> skus, String location, LocalDate from, LocalDate until);

    /** Units per SKU in the window, all warehouses together: [sku, units]. */
    @Query("select d.key.sku, sum(d.units) from DailyDemand d where d.key.day >= :from and d.key.day < :until"
            + " group by d.key.sku")
    List<Object[]> unitsPerSku(LocalDate from, LocalDate until);

    @Query("select max(d.key.day) from DailyDemand d where d.key.sku = :sku and d.key.day < :until")
    java.util.Optional<LocalDate> lastDayBefore(String sku, LocalDate until);
}
