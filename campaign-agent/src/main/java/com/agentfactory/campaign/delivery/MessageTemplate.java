package com.agentfactory.campaign.delivery;

import java.time.Instant;

/** A channel's message text with Mustache variables; e-mail has a subject, the others only a body. */
record MessageTemplate(
        String channel, String templateId, String subject, String body, String updatedBy, Instant updatedAt) {}
