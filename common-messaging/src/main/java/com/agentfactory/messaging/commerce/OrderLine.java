package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** One product line of an order or a cancellation; the currency is the order's. */
public record OrderLine(
        @JsonProperty("product_id") @NotNull UUID productId,
        @JsonProperty("sku") @NotBlank @Size(max = 64) String sku,
        @JsonProperty("quantity") @Positive int quantity,

        @JsonProperty("unit_price") @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 4)
        BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
