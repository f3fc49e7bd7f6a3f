package com.agentfactory.finance.transaction;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An expense or adjustment an agent reports (ad spend, campaign cost). {@code sourceEventId} lets a caller
 * retry safely: the same id is recorded once, and another transaction under an id already used is refused.
 */
record CreateTransactionRequest(
        @NotNull TransactionType type,

        @NotNull @DecimalMin("0.01") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2)
        BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @NotBlank @Size(max = 100) String department,
        @Size(max = 100) String attributedAgent,
        UUID orderId,
        @Size(max = 64) String orderNumber,
        UUID customerId,
        @Size(max = 1000) String description,
        @Size(max = 50) Map<String, Object> metadata,
        UUID sourceEventId,
        Instant occurredAt) {}
