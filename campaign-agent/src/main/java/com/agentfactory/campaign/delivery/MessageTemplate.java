package com.agentfactory.campaign.delivery;

import java.time.Instant;

/**
 * A channel's message text with Mustache variables; e-mail has a subject, the others only a body. The version is
 * raised by each save, so a save can say which one it was edited from.
 */
record MessageTemplate(
        String channel,
        String templateId,
        String subject,
        String body,
        String updatedBy,
        Instant updatedAt,
        long version) {}
