package com.agentfactory.campaign.consent;

import java.time.Instant;
import java.util.UUID;

/** One suppression in the list, with the customer's number and address so staff can tell who it is. */
record SuppressionResponse(
        UUID customerId,
        String customerNumber,
        String email,
        String channel,
        String reason,
        String suppressedBy,
        Instant suppressedAt) {}
