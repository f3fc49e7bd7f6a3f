package com.agentfactory.campaign.experiment;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/campaigns/experiments")
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "An experiment of that name exists")
    @ApiResponse(responseCode = "422", description = "Well-formed but not acceptable: the fields at fault are named")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ExperimentResponse create(@Valid @RequestBody CreateExperimentRequest request, Caller caller) {
        return experiments.create(request, caller.actorName());
    }

    /** Newest first; {@code journey_id} keeps one journey's experiments. */
    @GetMapping
    PageResponse<ExperimentResponse> list(
            @RequestParam(name = "journey_id", required = false) UUID journeyId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return experiments.list(journeyId, page, limit);
    }

    @GetMapping("/{id}")
    ExperimentResponse get(@PathVariable UUID id) {
        return experiments.get(id);
    }

    @Operation(
            summary = "The experiment's analysis now: effects, intervals, sequential p-values and the decision",
            description = "On the conversion metric every arm is measured from the split that assigned the customer"
                    + " (a held-out customer too), whatever became of the send: a unit converts when the customer"
                    + " orders within the conversion window after the split. Arms that no split assigns are measured"
                    + " from their delivery.")
    @GetMapping("/{id}/results")
    ExperimentResultResponse results(@PathVariable UUID id) {
        return experiments.results(id);
    }
}
