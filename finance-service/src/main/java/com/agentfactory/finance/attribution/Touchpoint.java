package com.agentfactory.finance.attribution;

import java.time.Instant;
import java.util.UUID;

/** An agent's contact with a customer, as attribution sees it. */
record Touchpoint(UUID id, String agent, String channel, String touchpointType, Instant occurredAt) {}
