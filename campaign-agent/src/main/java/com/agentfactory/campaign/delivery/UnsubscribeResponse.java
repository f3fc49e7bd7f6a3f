package com.agentfactory.campaign.delivery;

import java.util.UUID;

record UnsubscribeResponse(UUID customerId, String channel, boolean unsubscribed, String message) {}
