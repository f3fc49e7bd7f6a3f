package com.agentfactory.inventory.signal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProductSkuRepository extends JpaRepository<ProductSku, UUID> {

    /** Records or moves the product's SKU; the later feed event wins, so a replayed older one changes nothing. */
    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO product_skus (product_id, sku, updated_at) VALUES (:productId, :sku, :at)"
                    + " ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, updated_at = EXCLUDED.updated_at"
                    + " WHERE product_skus.updated_at <= EXCLUDED.updated_at")
    int upsert(UUID productId, String sku, Instant at);
}
