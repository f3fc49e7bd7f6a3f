package com.agentfactory.finance.attribution;

import com.agentfactory.finance.reconciliation.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/financial")
class AttributionController {

    private final AttributionService service;

    AttributionController(AttributionService service) {
        this.service = service;
    }

    @Operation(summary = "Record an agent's touchpoint with a customer (campaign send or click, ad click, ...)")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "200",
            description = "Already recorded: the same source event was seen before; or not recorded, without an id, as"
                    + " the customer was erased")
    @ApiResponse(
            responseCode = "422",
            description = "occurred_at in the future or outside the kept years, or a source_event_id used for another"
                    + " touchpoint: the field is named")
    @PostMapping("/touchpoints")
    ResponseEntity<AttributionResponse.TouchpointRecorded> record(@Valid @RequestBody RecordTouchpointRequest request) {
        var recorded = service.record(request);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(recorded);
    }

    @Operation(summary = "How an order's revenue is attributed, under one model or (without model) all of them")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping("/attributions/orders/{orderId}")
    AttributionResponse.OfOrder ofOrder(@PathVariable UUID orderId, @RequestParam(required = false) String model) {
        return service.ofOrder(orderId, model == null ? null : AttributionModel.parse(model));
    }

    @Operation(summary = "Attributed revenue per agent over inclusive UTC days")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping("/attributions/agents")
    AttributionResponse.RevenueReport byAgent(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) String model) {
        return report("agent", dateFrom, dateTo, model);
    }

    @Operation(summary = "Attributed revenue per channel over inclusive UTC days")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping("/attributions/channels")
    AttributionResponse.RevenueReport byChannel(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) String model) {
        return report("channel", dateFrom, dateTo, model);
    }

    private AttributionResponse.RevenueReport report(String dimension, LocalDate from, LocalDate to, String model) {
        ReportPeriod.of(from, to);
        AttributionModel chosen = model == null ? service.properties().defaultModel() : AttributionModel.parse(model);
        return new AttributionResponse.RevenueReport(
                dimension, chosen, from, to, service.revenueBy(dimension, chosen, from, to));
    }
}
