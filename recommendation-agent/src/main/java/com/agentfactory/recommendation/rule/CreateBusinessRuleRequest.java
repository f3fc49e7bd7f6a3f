package com.agentfactory.recommendation.rule;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;

/** A new rule: {@code pin} needs a position, {@code boost} a factor, {@code block} neither. */
@Schema(example = "{\"kind\": \"boost\", \"product_id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"boost\": 1.5}")
record CreateBusinessRuleRequest(
        @NotNull @Pattern(regexp = "pin|boost|block", message = "must be one of pin, boost, block")
        String kind,

        @NotNull UUID productId,
        @Min(1) @Max(50) Integer position,

        // as the column keeps it, NUMERIC(6,3): a smaller factor would be stored as 0, a finer one rounded
        @DecimalMin("0.001") @DecimalMax("100.0") @Digits(integer = 3, fraction = 3)
        BigDecimal boost) {}
