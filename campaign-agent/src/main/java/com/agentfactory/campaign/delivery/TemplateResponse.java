package com.agentfactory.campaign.delivery;

import java.time.Instant;

record TemplateResponse(
        String channel,
        String templateId,
        String subject,
        String body,
        String updatedBy,
        Instant updatedAt,
        long version) {

    static TemplateResponse of(MessageTemplate template) {
        return new TemplateResponse(
                template.channel(),
                template.templateId(),
                template.subject(),
                template.body(),
                template.updatedBy(),
                template.updatedAt(),
                template.version());
    }
}
