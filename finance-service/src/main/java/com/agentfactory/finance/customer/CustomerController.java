package com.agentfactory.finance.customer;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @Operation(summary = "Record a customer behaviour event; re-evaluates the customer's segment")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded: the same source event was seen before; or not recorded, without an id, as"
                    + " the customer was erased")
    @ApiResponse(
            responseCode = "422",
            description = "Well-formed but not acceptable (agent and channel from a customer included): the fields at"
                    + " fault are named")
    @PostMapping("/behaviors")
    ResponseEntity<SegmentResponse.BehaviorRecorded> record(
            @PathVariable UUID customerId, @Valid @RequestBody RecordBehaviorRequest request, Caller caller) {
        var recorded = customers.recordBehavior(customerId, request, caller);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(recorded);
    }

    @Operation(summary = "The customer's segment, its confidence, RFM scores and segment history")
    @GetMapping("/segment")
    SegmentResponse segment(@PathVariable UUID customerId) {
        return customers.segment(customerId);
    }
}
