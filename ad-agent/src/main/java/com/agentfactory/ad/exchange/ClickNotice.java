package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A click on a won impression; the customer, when known, makes it a touchpoint for attribution. */
record ClickNotice(@NotBlank @Size(max = 64) String bidId, UUID customerId) {}
