package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
                    String channel,
            @PathVariable String templateId,
            @Valid @RequestBody SaveTemplateRequest request,
            Caller caller) {
        return templates.save(channel, templateId, request, caller.actorName());
    }

    /** In channel, then id order; {@code channel} narrows the list. */
    @GetMapping
    PageResponse<TemplateSummaryResponse> list(
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return templates.list(channel, page, limit);
    }

    /** Renders the stored template without sending it; 404 for an unknown template or customer. */
    @PostMapping("/{channel}/{templateId}/preview")
    TemplatePreviewResponse preview(
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
                    String channel,
            @PathVariable String templateId,
            @Valid @RequestBody PreviewTemplateRequest request) {
        return templates.preview(channel, templateId, request);
    }

    @GetMapping("/{channel}/{templateId}")
    TemplateResponse get(
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
                    String channel,
            @PathVariable String templateId) {
        return templates.get(channel, templateId);
    }
}
