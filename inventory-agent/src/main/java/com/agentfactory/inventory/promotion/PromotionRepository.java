package com.agentfactory.inventory.promotion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PromotionRepository extends JpaRepository<Promotion, UUID> {

    List<Promotion> findBySkuOrderByStartsOnDescCreatedAtDesc(String sku);

    /**
     * The SKU's promotions that run on some day from {@code from} until (not including) {@code until}: those not called
     * off, and those cut short on the days they ran.
     */
    @Query("select p from Promotion p where p.sku = :sku and (p.cancelledAt is null or p.cutShort = true)"
            + " and p.startsOn < :until and p.endsOn > :from order by p.startsOn")
    List<Promotion> running(String sku, LocalDate from, LocalDate until);
}
