package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.identity.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @PutMapping("/{channel}/{templateId}")
    TemplateResponse save(
            @PathVariable String channel,
            @PathVariable String templateId,
            @Valid @RequestBody SaveTemplateRequest request,
            Caller caller) {
        return templates.save(channel, templateId, request, caller.actorName());
    }

    @GetMapping("/{channel}/{templateId}")
    TemplateResponse get(@PathVariable String channel, @PathVariable String templateId) {
        return templates.get(channel, templateId);
    }
}
