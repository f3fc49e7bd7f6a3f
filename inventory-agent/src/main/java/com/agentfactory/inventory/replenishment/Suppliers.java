package com.agentfactory.inventory.replenishment;

import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supplier register; purchase orders and reorder plans read it. */
@Service
public class Suppliers {

    private final SupplierRepository suppliers;
    private final Clock clock;

    Suppliers(SupplierRepository suppliers, Clock clock) {
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @Transactional
    SupplierResponse create(CreateSupplierRequest request, Caller caller) {
        if (!caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER)) {
            throw new NotPermittedException("only an administrator or a marketing manager registers suppliers");
        }
        Supplier supplier = suppliers.save(new Supplier(
                request.name().strip(),
                request.leadTimeDays(),
                request.minimumOrder(),
                request.packSize(),
                request.unitCost(),
                request.currency(),
                request.skus(),
                clock.instant()));
        return SupplierResponse.of(supplier);
    }

    @Transactional(readOnly = true)
    SupplierResponse find(UUID id) {
        return suppliers.findById(id).map(SupplierResponse::of).orElseThrow(() -> new SupplierNotFoundException(id));
    }

    @Transactional(readOnly = true)
    PageResponse<SupplierResponse> search(String sku, int page, int limit) {
        var found = suppliers.search(sku, PageRequest.of(page - 1, limit));
        return PageResponse.of(
                found.getContent().stream().map(SupplierResponse::of).toList(), found.getTotalElements(), page, limit);
    }

    /**
     * The supplier a SKU is ordered from: one in the budget's currency if any, then the shortest lead time, then the
     * lowest unit cost among suppliers of one currency ({@link ReplenishmentMath#supplierPreference}).
     */
    @Transactional(readOnly = true)
    public Optional<Supplier> preferredFor(String sku, String budgetCurrency) {
        return suppliers.supplying(sku).stream().min(ReplenishmentMath.supplierPreference(budgetCurrency));
    }

    @Transactional(readOnly = true)
    public Optional<Supplier> findById(UUID id) {
        return suppliers.findById(id);
    }

    @Transactional(readOnly = true)
    public Supplier require(UUID id) {
        return suppliers.findById(id).orElseThrow(() -> new SupplierNotFoundException(id));
    }
}
