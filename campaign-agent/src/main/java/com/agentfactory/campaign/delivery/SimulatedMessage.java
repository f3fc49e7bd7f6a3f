package com.agentfactory.campaign.delivery;

import java.util.UUID;

/** What a simulated provider was asked to deliver. */
public record SimulatedMessage(UUID idempotencyKey, UUID customerId, String text) {}
