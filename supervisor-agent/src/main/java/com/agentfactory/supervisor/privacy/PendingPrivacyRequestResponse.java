package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.PrivacyAction;
import java.util.UUID;

/** A request a participant that works over HTTP still has to answer. */
record PendingPrivacyRequestResponse(UUID requestId, UUID customerId, PrivacyAction action) {}
