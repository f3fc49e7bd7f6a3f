package com.agentfactory.support.returns;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return authorisations: the customer sees their own, the support desk every one; the desk or the warehouse books the
 * goods' arrival, which refunds the customer.
 */
@RestController
@RequestMapping("/api/v1/support/returns")
class ReturnController {

    private final ReturnService returns;

    ReturnController(ReturnService returns) {
        this.returns = returns;
    }

    @GetMapping("/{returnId}")
    ReturnAuthorisationResponse read(@PathVariable UUID returnId, Caller caller) {
        return ReturnAuthorisationResponse.of(
                returns.read(returnId, caller.customerId(), caller.hasAnyRole(Caller.SUPPORT_AGENT, Caller.ADMIN)));
    }

    @Operation(summary = "Book the return's goods as arrived; finance then refunds the order in the ledger")
    @ApiResponse(
            responseCode = "200",
            description = "Received; the refund of what arrived and is still refundable is on its way to the ledger")
    @ApiResponse(
            responseCode = "400",
            description = "A product named that is not on the return or named twice, or a negative quantity")
    @ApiResponse(responseCode = "422", description = "More units named than the return authorised, or none at all")
    @ApiResponse(
            responseCode = "409",
            description = "The return was received before, or cancellations of its order since refunded all of it")
    @PostMapping("/{returnId}/receipt")
    ReturnAuthorisationResponse receive(
            @PathVariable UUID returnId, @Valid @RequestBody(required = false) ReturnReceipt receipt, Caller caller) {
        return ReturnAuthorisationResponse.of(
                returns.receive(returnId, receipt == null ? ReturnReceipt.EVERYTHING : receipt, caller.actorName()));
    }
}
