package com.agentfactory.inventory.promotion;

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

/** Price promotions: planned and cancelled by an administrator or a marketing manager (403 otherwise). */
@RestController
@RequestMapping("/api/v1/inventory/promotions")
class PromotionController {

    private final Promotions promotions;

    PromotionController(Promotions promotions) {
        this.promotions = promotions;
    }

    @ApiResponse(responseCode = "201", description = "Planned")
    @ApiResponse(responseCode = "404", description = "No stock is kept for that SKU")
    @ApiResponse(responseCode = "409", description = "Another promotion of the SKU runs on some of the days")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PromotionResponse create(@Valid @RequestBody CreatePromotionRequest request, Caller caller) {
        return promotions.create(request, caller);
    }

    /** Every promotion of the SKU, latest start first, cancelled and past ones included. */
    @GetMapping
    List<PromotionResponse> of(@RequestParam @NotBlank @Size(max = 64) String sku) {
        return promotions.of(sku);
    }

    @GetMapping("/{id}")
    PromotionResponse get(@PathVariable UUID id) {
        return promotions.get(id);
    }

    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "Already cancelled")
    @PostMapping("/{id}/cancel")
    PromotionResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelPromotionRequest request, Caller caller) {
        return promotions.cancel(id, request.reason(), caller);
    }
}
