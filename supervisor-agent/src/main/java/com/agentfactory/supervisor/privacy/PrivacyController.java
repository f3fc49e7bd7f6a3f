package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A customer's right to a copy of their data and to its erasure (specification 004 §7.7). Customers reach only their
 * own requests (the access rules admit their own customer id only); a request of another customer is not found.
 */
@RestController
@RequestMapping("/api/v1/privacy")
class PrivacyController {

    private static final String PARTICIPANT = "[a-z][a-z0-9-]{0,62}";

    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Operation(summary = "Ask for an export of all the customer's data, or for its erasure in every service")
    @ApiResponse(responseCode = "202", description = "Accepted: the request is being fanned out to every service")
    @ApiResponse(
            responseCode = "409",
            description = "A request of the same kind is already in progress for this customer")
    @PostMapping("/customers/{customerId}/requests")
    ResponseEntity<PrivacyRequestResponse> request(
            @PathVariable UUID customerId, @Valid @RequestBody CreatePrivacyRequest body, Caller caller) {
        PrivacyRequestResponse created = privacy.request(customerId, body.action(), caller);
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(created);
    }

    @Operation(summary = "The customer's privacy requests, newest first")
    @GetMapping("/customers/{customerId}/requests")
    List<PrivacyRequestResponse> listOf(@PathVariable UUID customerId) {
        return privacy.listOf(customerId);
    }

    @Operation(summary = "A privacy request's progress per service and its audit trail")
    @GetMapping("/customers/{customerId}/requests/{requestId}")
    PrivacyRequestResponse get(@PathVariable UUID customerId, @PathVariable UUID requestId) {
        return privacy.get(customerId, requestId);
    }

    @Operation(summary = "The export as one document, once every service has reported (409 before)")
    @ApiResponse(responseCode = "409", description = "Not an export, not ready yet, or erased with the customer")
    @ApiResponse(responseCode = "200", description = "The export: one JSON document gathered from every service")
    @GetMapping("/customers/{customerId}/requests/{requestId}/export")
    PrivacyExportResponse export(@PathVariable UUID customerId, @PathVariable UUID requestId, Caller caller) {
        return privacy.export(customerId, requestId, caller);
    }

    @Operation(
            summary = "Give up an overdue request that a service never answered (admins only)",
            description = "The request fails, the reason standing as the failure of every service that has not"
                    + " answered, and the customer may ask again.")
    @ApiResponse(responseCode = "200", description = "Given up: the request has failed")
    @ApiResponse(responseCode = "409", description = "The request has ended already, or is not overdue yet")
    @PostMapping("/customers/{customerId}/requests/{requestId}/give-up")
    PrivacyRequestResponse giveUp(
            @PathVariable UUID customerId,
            @PathVariable UUID requestId,
            @Valid @RequestBody GiveUpPrivacyRequest body,
            Caller caller) {
        return privacy.giveUp(customerId, requestId, body.reason(), caller);
    }

    @Operation(summary = "All privacy requests, newest first")
    @GetMapping("/requests")
    PageResponse<PrivacyRequestResponse> list(
            @RequestParam(required = false) PrivacyRequestStatus status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return privacy.list(status, page, limit);
    }

    @Operation(summary = "Requests a service that works over HTTP has still to answer (that service only)")
    @GetMapping("/participants/{participant}/requests")
    List<PendingPrivacyRequestResponse> pending(
            @PathVariable @Pattern(regexp = PARTICIPANT) String participant, Caller caller) {
        return privacy.pendingFor(participant, caller);
    }

    @Operation(summary = "A service's report on a privacy request (that service only)")
    @ApiResponse(
            responseCode = "409",
            description = "That service has already reported, or an erasure report carries data")
    @ApiResponse(responseCode = "204", description = "Report stored")
    @PostMapping("/participants/{participant}/requests/{requestId}/report")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void report(
            @PathVariable @Pattern(regexp = PARTICIPANT) String participant,
            @PathVariable UUID requestId,
            @Valid @RequestBody ReportPrivacyRequest body,
            Caller caller) {
        privacy.reportOverHttp(participant, requestId, body, caller);
    }
}
