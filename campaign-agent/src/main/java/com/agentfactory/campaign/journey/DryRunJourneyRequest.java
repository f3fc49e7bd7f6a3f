package com.agentfactory.campaign.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whom to try a journey on without enrolling anyone.
 *
 * @param customerIds the customers to try; absent, the trigger segment's members (an event-triggered journey has
 *     no members to start from, so it needs them)
 * @param context what the trigger event would bring, such as {@code cart_value}, for conditions and templates
 * @param limit how many of the customers to walk through the steps, 20 when absent
 */
record DryRunJourneyRequest(
        @Size(max = 100) List<@NotNull UUID> customerIds,
        @Size(max = 50) Map<String, Object> context,
        @Min(1) @Max(100) Integer limit) {}
