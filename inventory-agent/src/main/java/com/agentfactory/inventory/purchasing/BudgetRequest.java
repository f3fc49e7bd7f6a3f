package com.agentfactory.inventory.purchasing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One reservation asked of finance: the same request under the same key is the same reservation. */
record BudgetRequest(String key, BigDecimal amount, String currency, String purpose) {

    /** Finance refuses a longer purpose. */
    static final int PURPOSE_LIMIT = 500;

    /** The order's lines for people reading the budget, cut short to fit finance's limit on a purpose. */
    static String purpose(UUID orderId, List<PurchaseOrderLine> lines) {
        StringBuilder purpose = new StringBuilder(
                "purchase order " + orderId + ": " + lines.size() + (lines.size() == 1 ? " line" : " lines"));
        for (int i = 0; i < lines.size(); i++) {
            String item = (i == 0 ? ", " : "; ") + lines.get(i).quantity() + " x "
                    + lines.get(i).sku();
            String rest = "; and " + (lines.size() - i) + " more";
            boolean last = i == lines.size() - 1;
            if (purpose.length() + item.length() + (last ? 0 : rest.length()) > PURPOSE_LIMIT) {
                return purpose.append(i == 0 ? ", " + lines.size() + " SKUs" : rest)
                        .toString();
            }
            purpose.append(item);
        }
        return purpose.toString();
    }
}
