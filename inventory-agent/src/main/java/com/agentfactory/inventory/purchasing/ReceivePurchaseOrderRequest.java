package com.agentfactory.inventory.purchasing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A delivery against a purchase order; {@code expires_on} marks perishable units. */
record ReceivePurchaseOrderRequest(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            LocalDate expiresOn) {}
}
