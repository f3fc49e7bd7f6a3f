package com.agentfactory.inventory.stock;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StockLevelRepository extends JpaRepository<StockLevel, UUID> {

    List<StockLevel> findBySkuOrderByLocation(String sku);

    boolean existsBySku(String sku);

    @Query("select distinct s.sku from StockLevel s order by s.sku")
    List<String> findDistinctSkus();

    /**
     * Each SKU whose name contains the pattern (a LIKE pattern, '!' escapes), with its counts summed over its
     * warehouses: [sku, available, on hand, reserved, in transit, backordered, warehouses].
     */
    @Query(
            value = "select s.sku, sum(s.onHand - s.reserved - s.allocated), sum(s.onHand), sum(s.reserved),"
                    + " sum(s.inTransit), sum(s.backordered), count(s) from StockLevel s"
                    + " where lower(s.sku) like :pattern escape '!' group by s.sku order by s.sku",
            countQuery = "select count(distinct s.sku) from StockLevel s where lower(s.sku) like :pattern escape '!'")
    Page<Object[]> summaries(String pattern, Pageable page);

    List<StockLevel> findBySkuInOrderBySkuAscLocationAsc(Collection<String> skus);

    Optional<StockLevel> findBySkuAndLocation(String sku, String location);

    /** Every location of the SKU, locked in one order (by location) so two writers never wait on each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StockLevel s where s.sku = :sku order by s.location")
    List<StockLevel> lockBySku(String sku);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StockLevel s where s.sku = :sku and s.location = :location")
    Optional<StockLevel> lockAt(String sku, String location);

    /**
     * Holds {@code quantity} units when that many are available, in one statement: PostgreSQL takes the row lock
     * for the UPDATE and, if another checkout changed the row meanwhile, checks the condition again on the
     * committed row before writing. So concurrent checkouts queue on the row and each sees what the one before
     * left, and no read-then-write gap can oversell. Returns 0 when the units are not there.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update StockLevel s set s.reserved = s.reserved + :quantity, s.updatedAt = :now"
            + " where s.sku = :sku and s.location = :location"
            + " and s.onHand - s.reserved - s.allocated >= :quantity")
    int reserveIfAvailable(String sku, String location, int quantity, Instant now);

    /**
     * Stocks a SKU at a location unless it is there already (two first events of one SKU may race);
     * {@code initialStockTaken} false leaves the product feed's quantity still to come.
     */
    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO stock_levels (id, sku, location, on_hand, initial_stock_taken, created_at, updated_at)"
                    + " VALUES (:id, :sku, :location, :onHand, :initialStockTaken, :now, :now)"
                    + " ON CONFLICT (sku, location) DO NOTHING")
    int insertIfAbsent(UUID id, String sku, String location, int onHand, boolean initialStockTaken, Instant now);
}
