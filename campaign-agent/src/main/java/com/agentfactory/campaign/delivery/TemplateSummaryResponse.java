package com.agentfactory.campaign.delivery;

import java.time.Instant;

/** A template in a list: without its body, which can be long. */
record TemplateSummaryResponse(
        String channel, String templateId, String subject, String updatedBy, Instant updatedAt) {}
