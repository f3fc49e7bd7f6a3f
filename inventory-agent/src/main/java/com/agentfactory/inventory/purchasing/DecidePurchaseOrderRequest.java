package com.agentfactory.inventory.purchasing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An approval, rejection, placement or cancellation, with why. */
record DecidePurchaseOrderRequest(@NotBlank @Size(max = 500) String reason) {}
