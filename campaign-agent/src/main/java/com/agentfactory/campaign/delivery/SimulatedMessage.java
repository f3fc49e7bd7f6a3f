package com.agentfactory.campaign.delivery;

import java.util.UUID;

/** What a simulated provider was asked to deliver; {@code to} is the phone number of a text, null for a push. */
public record SimulatedMessage(UUID idempotencyKey, UUID customerId, String to, String text) {}
