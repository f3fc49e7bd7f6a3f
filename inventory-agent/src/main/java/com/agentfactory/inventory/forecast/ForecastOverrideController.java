package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** Overrides of expected demand: made and revoked by an administrator or a marketing manager (403 otherwise). */
@RestController
@RequestMapping("/api/v1/inventory/forecast-overrides")
class ForecastOverrideController {

    private final ForecastOverrides overrides;

    ForecastOverrideController(ForecastOverrides overrides) {
        this.overrides = overrides;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "404", description = "No stock is kept for that SKU")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ForecastOverrideResponse create(@Valid @RequestBody CreateForecastOverrideRequest request, Caller caller) {
        return overrides.create(request, caller);
    }

    /** Every override of the SKU, newest first, revoked and expired ones included. */
    @GetMapping
    List<ForecastOverrideResponse> of(@RequestParam @NotBlank @Size(max = 64) String sku) {
        return overrides.of(sku);
    }

    @GetMapping("/{id}")
    ForecastOverrideResponse get(@PathVariable UUID id) {
        return overrides.get(id);
    }

    @ApiResponse(responseCode = "200", description = "Revoked")
    @ApiResponse(responseCode = "409", description = "Already revoked")
    @PostMapping("/{id}/revoke")
    ForecastOverrideResponse revoke(
            @PathVariable UUID id, @Valid @RequestBody RevokeForecastOverrideRequest request, Caller caller) {
        return overrides.revoke(id, request.reason(), caller);
    }
}
