package com.agentfactory.finance.transaction;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/financial/transactions")
class TransactionController {

    private final TransactionService service;

    TransactionController(TransactionService service) {
        this.service = service;
    }

    @Operation(
            summary = "Ledger entries in occurrence order; dates are inclusive UTC days",
            description = "A refund with a negative amount and offsets_refund set is no refund of its own: it offsets"
                    + " the refund it names, booked before its order, by what that took back beyond what the order"
                    + " sold. offsets_refund is null on every other entry.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping
    PageResponse<TransactionResponse> list(
            @RequestParam(name = "date_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateFrom,
            @RequestParam(name = "date_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateTo,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return service.list(dateFrom, dateTo, parseType(type), page, limit);
    }

    @Operation(summary = "Record an expense or adjustment reported by an agent")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Already recorded: the same request under its source_event_id")
    @ApiResponse(
            responseCode = "422",
            description = "Well-formed but not acceptable, or a source_event_id used for another transaction: the"
                    + " fields at fault are named")
    @PostMapping
    ResponseEntity<TransactionResponse> create(@Valid @RequestBody CreateTransactionRequest request) {
        var recorded = service.record(request);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(TransactionResponse.of(recorded.transaction()));
    }

    private static TransactionType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return TransactionType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of("type", "must be one of revenue, refund, expense, adjustment");
        }
    }
}
