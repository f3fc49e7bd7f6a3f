package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/segments")
class SegmentController {

    private final SegmentService segments;

    SegmentController(SegmentService segments) {
        this.segments = segments;
    }

    @ApiResponse(responseCode = "200", description = "The segment's size")
    @ApiResponse(
            responseCode = "400",
            description =
                    "An amount in the rules has no currency, or not an ISO 4217 one: the fields at fault are named")
    @ApiResponse(responseCode = "422", description = "The rules are not valid: the fields at fault are named")
    @PostMapping("/preview")
    SegmentPreviewResponse preview(@Valid @RequestBody SegmentPreviewRequest request) {
        return segments.preview(request);
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "400",
            description =
                    "An amount in the rules has no currency, or not an ISO 4217 one: the fields at fault are named")
    @ApiResponse(responseCode = "409", description = "A segment of that name exists")
    @ApiResponse(responseCode = "422", description = "The rules are not valid: the fields at fault are named")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SegmentResponse create(@Valid @RequestBody CreateSegmentRequest request, Caller caller) {
        return segments.create(request, caller.actorName());
    }

    @GetMapping
    PageResponse<SegmentResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return segments.list(page, limit);
    }

    @GetMapping("/{id}")
    SegmentResponse get(@PathVariable UUID id) {
        return segments.get(id);
    }

    @GetMapping("/{id}/preview")
    SegmentPreviewResponse previewSaved(
            @PathVariable UUID id,
            @RequestParam(name = "sample_size", defaultValue = "10") @Min(0) @Max(100) int sampleSize) {
        return segments.previewSaved(id, sampleSize);
    }
}
