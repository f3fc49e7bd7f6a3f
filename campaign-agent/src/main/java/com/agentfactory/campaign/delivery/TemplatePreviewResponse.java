package com.agentfactory.campaign.delivery;

import java.util.UUID;

/** A template rendered as its channel sends it: an e-mail's body is HTML with every value escaped. */
record TemplatePreviewResponse(String channel, String templateId, UUID customerId, String subject, String body) {}
