package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase orders. Deciding (approve, reject, order, cancel, close) takes an administrator or a marketing manager (403
 * otherwise); a move the order's status does not allow is 409, and so is an approval the budget refuses.
 */
@RestController
@RequestMapping("/api/v1/inventory/purchase-orders")
class PurchaseOrderController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final PurchaseOrders orders;

    PurchaseOrderController(PurchaseOrders orders) {
        this.orders = orders;
    }

    /** Most urgent first; {@code status} is suggested, approved, ordered, received, closed, rejected or cancelled. */
    @GetMapping
    PageResponse<PurchaseOrderResponse> search(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @Size(max = 64) String sku,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return orders.search(status, sku, page, limit);
    }

    @GetMapping("/{id}")
    PurchaseOrderResponse get(@PathVariable UUID id) {
        return orders.get(id);
    }

    /**
     * A person's draft of several SKUs from one supplier; joins the supplier's open suggestion when there is one.
     * 400 for a SKU the supplier does not supply, 409 for a SKU already on an open order.
     */
    @ApiResponse(responseCode = "201", description = "Drafted")
    @ApiResponse(
            responseCode = "422",
            description = "Well-formed but not acceptable: an unknown supplier or SKU is named")
    @PostMapping
    ResponseEntity<PurchaseOrderResponse> draft(@Valid @RequestBody CreatePurchaseOrderRequest request, Caller caller) {
        PurchaseOrderResponse drafted = orders.draft(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/inventory/purchase-orders/" + drafted.id()))
                .body(drafted);
    }

    /** Plans the SKUs (all stocked ones when none are named) and suggests orders where stock is short. */
    @PostMapping("/suggestions")
    SuggestReordersResponse suggest(@Valid @RequestBody SuggestReordersRequest request) {
        return orders.suggest(request);
    }

    /** Reserves the order's cost with finance, then approves; 409 when the budget does not cover it. */
    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The purchase order's status does not allow this")
    @PostMapping("/{id}/approve")
    PurchaseOrderResponse approve(
            @PathVariable UUID id, @Valid @RequestBody DecidePurchaseOrderRequest request, Caller caller) {
        return orders.approve(id, request.reason(), caller);
    }

    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The purchase order's status does not allow this")
    @PostMapping("/{id}/reject")
    PurchaseOrderResponse reject(
            @PathVariable UUID id, @Valid @RequestBody DecidePurchaseOrderRequest request, Caller caller) {
        return orders.reject(id, request.reason(), caller);
    }

    /** Sent to the supplier: the units count as in transit. */
    @ApiResponse(responseCode = "200", description = "Ordered")
    @ApiResponse(
            responseCode = "409",
            description = "The status does not allow ordering, or finance refused the budget reservation")
    @PostMapping("/{id}/order")
    PurchaseOrderResponse order(
            @PathVariable UUID id, @Valid @RequestBody DecidePurchaseOrderRequest request, Caller caller) {
        return orders.order(id, request.reason(), caller);
    }

    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The purchase order's status does not allow this")
    @PostMapping("/{id}/cancel")
    PurchaseOrderResponse cancel(
            @PathVariable UUID id, @Valid @RequestBody DecidePurchaseOrderRequest request, Caller caller) {
        return orders.cancel(id, request.reason(), caller);
    }

    /**
     * Ends a placed order delivered in part whose rest will not come: the rest leaves transit, and finance books
     * only what was delivered. 409 for an order not placed, or of which nothing was delivered (cancel that one).
     */
    @ApiResponse(responseCode = "200", description = "Closed short")
    @ApiResponse(responseCode = "409", description = "The purchase order's status does not allow this")
    @PostMapping("/{id}/close")
    PurchaseOrderResponse close(
            @PathVariable UUID id, @Valid @RequestBody DecidePurchaseOrderRequest request, Caller caller) {
        return orders.closeShort(id, request.reason(), caller);
    }

    /**
     * A delivery: adds to on hand, clears in transit; the complete order commits its budget reservation. A client that
     * may retry (a partial receipt's answer lost to a timeout) sends an Idempotency-Key: a repeat with the same key
     * and lines answers the order as it stands and receives nothing again.
     */
    @ApiResponse(responseCode = "200", description = "Done, or a repeat of the same Idempotency-Key and lines")
    @ApiResponse(responseCode = "409", description = "The purchase order's status does not allow this")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for other lines of this order")
    @PostMapping("/{id}/receipts")
    PurchaseOrderResponse receive(
            @PathVariable UUID id,
            @Valid @RequestBody ReceivePurchaseOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 255, message = "must be 1 to 255 characters")
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            Caller caller) {
        return orders.receive(id, request, idempotencyKey, caller);
    }
}
