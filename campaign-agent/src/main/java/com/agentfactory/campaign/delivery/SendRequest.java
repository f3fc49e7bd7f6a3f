package com.agentfactory.campaign.delivery;

import java.util.Map;
import java.util.UUID;

/**
 * A send a journey step asks for. {@code channel} is email, sms, push or webhook; {@code target} is the
 * webhook's URL (null for the customer channels).
 */
public record SendRequest(
        UUID enrolmentId,
        String stepId,
        UUID journeyId,
        UUID customerId,
        String channel,
        String templateId,
        String target,
        Map<String, Object> variables) {}
