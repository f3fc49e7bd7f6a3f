package com.agentfactory.ad.campaign;

import static com.agentfactory.messaging.time.YearRange.RECORDS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_LAST_YEAR;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/ads/campaigns")
class AdCampaignController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private static final String OLDEST_FIRST = "oldest";
    private static final String NEWEST_FIRST = "newest";

    private final AdCampaigns campaigns;

    AdCampaignController(AdCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AdCampaignResponse create(@Valid @RequestBody CreateAdCampaignRequest request, Caller caller) {
        return campaigns.create(request, caller.actorName());
    }

    @GetMapping
    PageResponse<AdCampaignResponse> list(
            @RequestParam(required = false) AdCampaignStatus status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return campaigns.list(status, page, limit);
    }

    @GetMapping("/{id}")
    AdCampaignResponse get(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @PutMapping("/{id}/budget")
    AdCampaignResponse updateBudget(
            @PathVariable UUID id, @Valid @RequestBody UpdateBudgetRequest request, Caller caller) {
        return campaigns.updateBudget(id, request, caller.actorName());
    }

    @PostMapping("/{id}/activate")
    AdCampaignResponse activate(@PathVariable UUID id, @Valid @RequestBody StatusChangeRequest request, Caller caller) {
        return campaigns.changeStatusReturningResponse(
                id, AdCampaignStatus.DRAFT, AdCampaignStatus.ACTIVE, request.reason(), caller.actorName());
    }

    @PostMapping("/{id}/pause")
    AdCampaignResponse pause(@PathVariable UUID id, @Valid @RequestBody StatusChangeRequest request, Caller caller) {
        return campaigns.changeStatusReturningResponse(
                id, null, AdCampaignStatus.PAUSED, request.reason(), caller.actorName());
    }

    @PostMapping("/{id}/resume")
    AdCampaignResponse resume(@PathVariable UUID id, @Valid @RequestBody StatusChangeRequest request, Caller caller) {
        return campaigns.changeStatusReturningResponse(
                id, AdCampaignStatus.PAUSED, AdCampaignStatus.ACTIVE, request.reason(), caller.actorName());
    }

    @PostMapping("/{id}/end")
    AdCampaignResponse end(@PathVariable UUID id, @Valid @RequestBody StatusChangeRequest request, Caller caller) {
        return campaigns.changeStatusReturningResponse(
                id, null, AdCampaignStatus.ENDED, request.reason(), caller.actorName());
    }

    @Operation(
            summary = "The campaign's audit trail: each change with who made it, when and why",
            description = "sort is oldest (the default) or newest first. The window is [from, to) in ISO-8601"
                    + " instants, both optional and in the years 1970 to 9999, from before to. The allocator adds an"
                    + " entry to a pooled campaign every round, so the latest changes are those of sort=newest; to"
                    + " page back through them while new entries arrive, keep to at the instant of the first page.")
    @GetMapping("/{id}/history")
    PageResponse<AdCampaignAudit.AuditEntryResponse> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = OLDEST_FIRST)
                    @Pattern(regexp = OLDEST_FIRST + "|" + NEWEST_FIRST, message = "must be oldest or newest")
                    String sort,
            // far beyond these an instant is one PostgreSQL cannot compare; no entry is outside them
            @RequestParam(required = false) @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
                    Instant from,
            @RequestParam(required = false) @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
                    Instant to) {
        return campaigns.history(id, page, limit, NEWEST_FIRST.equals(sort), from, to);
    }
}
