package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.InvalidInputException;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
class TemplateService {

    static final Set<String> CHANNELS = Set.of("email", "sms", "push", "webhook");

    private final MessageTemplates templates;
    private final Clock clock;

    TemplateService(MessageTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    TemplateResponse save(String channel, String templateId, SaveTemplateRequest request, String actor) {
        checkChannel(channel);
        if (!templateId.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw InvalidInputException.of("template_id", "letters, digits, '_', '.' and '-', at most 100");
        }
        if ("email".equals(channel)
                && (request.subject() == null || request.subject().isBlank())) {
            throw InvalidInputException.of("subject", "an e-mail template needs a subject");
        }
        TemplateRenderer.check(request.body(), "body");
        if (request.subject() != null) {
            TemplateRenderer.check(request.subject(), "subject");
        }
        MessageTemplate template =
                new MessageTemplate(channel, templateId, request.subject(), request.body(), actor, clock.instant());
        templates.save(template);
        return TemplateResponse.of(template);
    }

    TemplateResponse get(String channel, String templateId) {
        checkChannel(channel);
        return templates
                .find(channel, templateId)
                .map(TemplateResponse::of)
                .orElseThrow(() -> new TemplateNotFoundException(channel, templateId));
    }

    private static void checkChannel(String channel) {
        if (!CHANNELS.contains(channel)) {
            throw InvalidInputException.of("channel", "must be one of: email, sms, push, webhook");
        }
    }
}
