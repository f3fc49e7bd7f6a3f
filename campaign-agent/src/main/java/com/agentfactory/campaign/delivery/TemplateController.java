package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /**
     * Replaces the whole template, or creates it. A save edited from a version read earlier should send that
     * version's ETag as {@code If-Match} (or {@code If-None-Match: *} when it creates the template): if someone saved
     * the template meanwhile, it is refused with 412 instead of silently replacing their save. Without either header
     * the save replaces whatever is stored, as it always did, for clients that do not read before they write.
     */
    @PutMapping("/{channel}/{templateId}")
    ResponseEntity<TemplateResponse> save(
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
                    String channel,
            @PathVariable String templateId,
            @Valid @RequestBody SaveTemplateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            Caller caller) {
        return withEntityTag(templates.save(
                channel, templateId, request, TemplatePrecondition.of(ifMatch, ifNoneMatch), caller.actorName()));
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

    /** With the version as {@code ETag}, for the {@code If-Match} of a save made from it. */
    @GetMapping("/{channel}/{templateId}")
    ResponseEntity<TemplateResponse> get(
            @PathVariable @Parameter(schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
                    String channel,
            @PathVariable String templateId) {
        return withEntityTag(templates.get(channel, templateId));
    }

    private static ResponseEntity<TemplateResponse> withEntityTag(TemplateResponse template) {
        return ResponseEntity.ok()
                .eTag(TemplatePrecondition.entityTag(template.version()))
                .body(template);
    }
}
