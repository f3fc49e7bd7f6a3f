package com.agentfactory.inventory.replenishment;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Who a SKU is bought from, on what terms: days from order to delivery, the smallest order, units per pack. */
@Entity
@Table(name = "suppliers")
public class Supplier extends AssignedIdEntity {

    private String name;
    private int leadTimeDays;

    @Column(name = "minimum_order")
    private int minimumOrder;

    private int packSize;
    private BigDecimal unitCost;
    private String currency;
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supplier_skus", joinColumns = @JoinColumn(name = "supplier_id"))
    @Column(name = "sku")
    private Set<String> skus = new TreeSet<>();

    protected Supplier() {}

    Supplier(
            String name,
            int leadTimeDays,
            int minimumOrder,
            int packSize,
            BigDecimal unitCost,
            String currency,
            Set<String> skus,
            Instant now) {
        super(UUID.randomUUID());
        this.name = name;
        this.leadTimeDays = leadTimeDays;
        this.minimumOrder = minimumOrder;
        this.packSize = packSize;
        this.unitCost = unitCost;
        this.currency = currency;
        this.skus = new TreeSet<>(skus);
        this.createdAt = now;
    }

    public String name() {
        return name;
    }

    public int leadTimeDays() {
        return leadTimeDays;
    }

    public int minimumOrder() {
        return minimumOrder;
    }

    public int packSize() {
        return packSize;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public String currency() {
        return currency;
    }

    public Set<String> skus() {
        return Set.copyOf(skus);
    }

    Instant createdAt() {
        return createdAt;
    }
}
