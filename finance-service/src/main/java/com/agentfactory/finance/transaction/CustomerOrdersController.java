package com.agentfactory.finance.transaction;

import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's order history, read from the ledger the orders were booked into. */
@RestController
@Validated
class CustomerOrdersController {

    private final TransactionService service;

    CustomerOrdersController(TransactionService service) {
        this.service = service;
    }

    @Operation(summary = "The customer's orders, newest first, with what has been refunded of each")
    @GetMapping("/api/v1/customers/{customerId}/orders")
    PageResponse<CustomerOrderResponse> orders(
            @PathVariable UUID customerId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return service.ordersOf(customerId, page, limit);
    }
}
