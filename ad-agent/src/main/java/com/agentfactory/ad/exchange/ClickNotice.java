package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A click on a won impression. Its customer is ignored: the touchpoint names the customer the bid was made for, or
 * none (see {@link Deliveries}).
 */
record ClickNotice(@NotBlank @Size(max = 64) String bidId, UUID customerId) {}
