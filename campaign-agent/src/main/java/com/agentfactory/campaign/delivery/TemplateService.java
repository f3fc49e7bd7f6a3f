package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
class TemplateService {

    static final Set<String> CHANNELS = Set.of("email", "sms", "push", "webhook");

    private final MessageTemplates templates;
    private final ProductLists products;
    private final CustomerReadModel customers;
    private final Clock clock;

    TemplateService(MessageTemplates templates, ProductLists products, CustomerReadModel customers, Clock clock) {
        this.templates = templates;
        this.products = products;
        this.customers = customers;
        this.clock = clock;
    }

    PageResponse<TemplateSummaryResponse> list(String channel, int page, int limit) {
        if (channel != null) {
            checkChannel(channel);
        }
        return PageResponse.of(templates.list(channel, page, limit), templates.count(channel), page, limit);
    }

    /**
     * Renders a stored template as a send to the customer would, without sending it: the request's variables
     * first, then the customer's profile fields for the rest, and the customer's recommended products (or the
     * fallback) when the template shows them. The unsubscribe footer and tracking are left out: they are the
     * mailer's, not the template's.
     */
    TemplatePreviewResponse preview(String channel, String templateId, PreviewTemplateRequest request) {
        checkChannel(channel);
        MessageTemplate template = templates
                .find(channel, templateId)
                .orElseThrow(() -> new TemplateNotFoundException(channel, templateId));
        // one saved before partials were refused would fail every send: the preview says why, as the save now does
        TemplateRenderer.check(template.body(), "body");
        if (template.subject() != null) {
            TemplateRenderer.check(template.subject(), "subject");
        }
        Map<String, Object> variables = new HashMap<>(request.variables() == null ? Map.of() : request.variables());
        if (request.customerId() != null) {
            customers
                    .profile(request.customerId())
                    .orElseThrow(() -> new PreviewCustomerNotFoundException(request.customerId()))
                    .forEach(variables::putIfAbsent);
        }
        products.addTo(variables, template, request.customerId());
        boolean email = "email".equals(channel);
        String body = email
                ? TemplateRenderer.html(template.body(), variables)
                : TemplateRenderer.text(template.body(), variables);
        String subject = template.subject() == null ? null : TemplateRenderer.text(template.subject(), variables);
        return new TemplatePreviewResponse(channel, templateId, request.customerId(), subject, body);
    }

    /** Refuses with {@link TemplateChangedException} when what is stored does not meet the precondition. */
    TemplateResponse save(
            String channel,
            String templateId,
            SaveTemplateRequest request,
            TemplatePrecondition precondition,
            String actor) {
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
                new MessageTemplate(channel, templateId, request.subject(), request.body(), actor, clock.instant(), 0);
        return templates
                .save(template, precondition)
                .map(TemplateResponse::of)
                .orElseThrow(() -> new TemplateChangedException(channel, templateId, precondition));
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
