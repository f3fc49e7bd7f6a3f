package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ForecastOverrideRepository extends JpaRepository<ForecastOverride, UUID> {

    /** The newest override of the SKU in force on the day, if any. */
    @Query("select o from ForecastOverride o where o.sku = :sku and o.revokedAt is null and o.validFrom <= :day"
            + " and o.validUntil > :day order by o.createdAt desc limit 1")
    Optional<ForecastOverride> activeOn(String sku, LocalDate day);

    List<ForecastOverride> findBySkuOrderByCreatedAtDesc(String sku);
}
