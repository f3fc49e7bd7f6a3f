package com.agentfactory.inventory.topic;

/**
 * The topics the inventory agent publishes on. They belong with the platform's other names in the shared
 * {@code Topics}; they live here until they are moved there.
 */
public final class InventoryTopics {

    /** Every change of a SKU's stock at a location ({@code StockLevelChanged}), keyed by SKU. */
    public static final String STOCK = "inventory.stock";

    /** Low-stock and out-of-stock alerts ({@code StockAlertRaised}), keyed by SKU. */
    public static final String ALERTS = "inventory.alerts";

    private InventoryTopics() {}
}
