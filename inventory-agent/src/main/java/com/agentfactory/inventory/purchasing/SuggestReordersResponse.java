package com.agentfactory.inventory.purchasing;

import java.util.List;

/**
 * New suggestions, most urgent first.
 *
 * @param planned SKUs whose reorder plan was computed (those with a supplier)
 * @param withoutSupplier SKUs no supplier sells: no plan, no suggestion
 */
record SuggestReordersResponse(int planned, List<PurchaseOrderResponse> suggestions, List<String> withoutSupplier) {}
