package com.agentfactory.inventory.replenishment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

record SupplierResponse(
        UUID id,
        String name,
        int leadTimeDays,
        int minimumOrder,
        int packSize,
        BigDecimal unitCost,
        String currency,
        List<String> skus,
        Instant createdAt) {

    static SupplierResponse of(Supplier supplier) {
        return new SupplierResponse(
                supplier.getId(),
                supplier.name(),
                supplier.leadTimeDays(),
                supplier.minimumOrder(),
                supplier.packSize(),
                supplier.unitCost(),
                supplier.currency(),
                supplier.skus().stream().sorted().toList(),
                supplier.createdAt());
    }
}
