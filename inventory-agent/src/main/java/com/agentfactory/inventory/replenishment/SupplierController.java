package com.agentfactory.inventory.replenishment;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/suppliers")
class SupplierController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final Suppliers suppliers;

    SupplierController(Suppliers suppliers) {
        this.suppliers = suppliers;
    }

    /** 201; 403 unless the caller is an administrator or a marketing manager. */
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<SupplierResponse> create(@Valid @RequestBody CreateSupplierRequest request, Caller caller) {
        SupplierResponse created = suppliers.create(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/inventory/suppliers/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    SupplierResponse find(@PathVariable UUID id) {
        return suppliers.find(id);
    }

    /** By name; {@code sku} keeps the suppliers of one SKU. */
    @GetMapping
    PageResponse<SupplierResponse> search(
            @RequestParam(required = false) @Size(max = 64) String sku,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return suppliers.search(sku, page, limit);
    }
}
