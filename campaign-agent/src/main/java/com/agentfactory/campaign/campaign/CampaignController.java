package com.agentfactory.campaign.campaign;

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
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or malformed, such as an amount in the segment rule without its currency:"
                    + " the fields at fault are named")
    @ApiResponse(responseCode = "422", description = "Well-formed but not acceptable: the fields at fault are named")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignResponse create(@Valid @RequestBody CreateCampaignRequest request, Caller caller) {
        return campaigns.plan(request, caller.actorName());
    }

    @GetMapping
    PageResponse<CampaignResponse> list(
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return campaigns.list(state, page, limit);
    }

    @GetMapping("/{id}")
    CampaignResponse get(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(responseCode = "409", description = "The campaign's status does not allow that move")
    @PostMapping("/{id}/transitions")
    CampaignResponse transition(
            @PathVariable UUID id, @Valid @RequestBody TransitionCampaignRequest request, Caller caller) {
        return campaigns.transition(id, request.targetState(), request.reason(), caller.actorName());
    }

    @GetMapping("/{id}/history")
    PageResponse<CampaignTransitionResponse> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return campaigns.history(id, page, limit);
    }
}
