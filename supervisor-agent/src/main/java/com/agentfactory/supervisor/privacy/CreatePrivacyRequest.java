package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.PrivacyAction;
import jakarta.validation.constraints.NotNull;

/** Ask for a copy of one's data (EXPORT) or for it to be erased (ERASURE). */
record CreatePrivacyRequest(@NotNull PrivacyAction action) {}
