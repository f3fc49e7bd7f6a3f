package com.agentfactory.inventory.purchasing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The agent's own approval of a suggestion, within its auto-approval limit and the reserved budget. */
record ApprovePurchaseOrderRequest(
        @NotNull UUID purchaseOrderId,
        @NotBlank @Size(max = 500) String reason) {}
