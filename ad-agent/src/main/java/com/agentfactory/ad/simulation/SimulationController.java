package com.agentfactory.ad.simulation;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Validated
@RequestMapping("/api/v1/ads/simulations")
class SimulationController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final SimulationRuns runs;

    SimulationController(SimulationRuns runs) {
        this.runs = runs;
    }

    @Operation(
            summary = "The auction sources a run can replay: the synthetic market always, an iPinYou campaign's log"
                    + " when one is configured")
    @GetMapping("/sources")
    List<SimulationSourceResponse> sources() {
        return runs.sources();
    }

    @Operation(
            summary = "Queue a run comparing bidding policies (lin, rlb) on a source; runs execute in the background,"
                    + " one at a time, oldest first",
            description = "The run is answered QUEUED with its Location; poll it until it is COMPLETED (results per"
                    + " policy for the first half of the log, where Lin's b0 is tuned, the held-out second half and"
                    + " the whole log) or FAILED. At most 20 runs (agentfactory.ad.simulator.max-queued) wait at once.")
    @ApiResponse(responseCode = "202", description = "Queued; the run is at the Location header")
    @ApiResponse(responseCode = "409", description = "As many runs are queued as may wait at once")
    @ApiResponse(
            responseCode = "422",
            description = "A source not offered here, the dqn policy (not run by the service), or episodes longer"
                    + " than half the source's log")
    @PostMapping
    ResponseEntity<SimulationRunResponse> create(@Valid @RequestBody CreateSimulationRequest request, Caller caller) {
        SimulationRunResponse run = runs.request(request, caller.actorName());
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(run.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(run);
    }

    @Operation(summary = "The simulation runs, newest first")
    @GetMapping
    PageResponse<SimulationRunResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return runs.list(page, limit);
    }

    @Operation(summary = "A simulation run: its status and, once COMPLETED, its results per policy and part of the log")
    @GetMapping("/{id}")
    SimulationRunResponse get(@PathVariable UUID id) {
        return runs.get(id);
    }
}
