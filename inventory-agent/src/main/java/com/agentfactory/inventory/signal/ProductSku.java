package com.agentfactory.inventory.signal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Which SKU a storefront product is, as the product feed last said. */
@Entity
@Table(name = "product_skus")
class ProductSku {

    @Id
    private UUID productId;

    private String sku;
    private Instant updatedAt;

    protected ProductSku() {}

    UUID productId() {
        return productId;
    }

    String sku() {
        return sku;
    }
}
