package com.agentfactory.inventory.purchasing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A purchase order drafted by a person: SKUs the supplier supplies, each once, and why.
 *
 * @param location the warehouse the goods are delivered to; the default warehouse when absent
 */
record CreatePurchaseOrderRequest(
        @NotNull UUID supplierId,
        @Size(max = 64) String location,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @NotBlank @Size(max = 500) String reason) {

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}
}
