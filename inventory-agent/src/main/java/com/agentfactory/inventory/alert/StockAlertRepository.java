package com.agentfactory.inventory.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StockAlertRepository extends JpaRepository<StockAlert, UUID> {

    @Query("select a from StockAlert a where (:sku is null or a.sku = :sku) and (:type is null or a.type = :type)"
            + " order by a.raisedAt desc, a.id")
    Page<StockAlert> search(String sku, StockAlertType type, Pageable page);

    // the level last seen is a single value per SKU and location; native statements keep it off the entity model
    @Query(nativeQuery = true, value = "SELECT level FROM stock_alert_states WHERE sku = :sku AND location = :location")
    Optional<String> levelOf(String sku, String location);

    @Modifying
    @Query(
            nativeQuery = true,
            value =
                    "INSERT INTO stock_alert_states (sku, location, level, changed_at)"
                            + " VALUES (:sku, :location, :level, :at)"
                            + " ON CONFLICT (sku, location) DO UPDATE SET level = EXCLUDED.level, changed_at = EXCLUDED.changed_at")
    int recordLevel(String sku, String location, String level, Instant at);

    @Query(
            nativeQuery = true,
            value = "SELECT holds FROM stock_condition_states WHERE sku = :sku AND location = :location"
                    + " AND condition = :condition")
    Optional<Boolean> conditionHeld(String sku, String location, String condition);

    /**
     * Stores whether the condition holds and answers 1 only when that changed it (a first record counts as a change).
     * The check is the upsert's own: of two runs judging the same crossing at once, the second waits for the first's
     * row and then finds nothing to change, so the crossing is raised once.
     */
    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO stock_condition_states (sku, location, condition, holds, changed_at)"
                    + " VALUES (:sku, :location, :condition, :holds, :at)"
                    + " ON CONFLICT (sku, location, condition) DO UPDATE SET holds = EXCLUDED.holds,"
                    + " changed_at = EXCLUDED.changed_at"
                    + " WHERE stock_condition_states.holds IS DISTINCT FROM EXCLUDED.holds")
    int recordConditionIfChanged(String sku, String location, String condition, boolean holds, Instant at);
}
