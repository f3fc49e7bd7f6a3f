package com.agentfactory.inventory.alert;

/** Where a SKU's available stock at a location stands against its reorder point; ordered from best to worst. */
enum StockLevelState {
    NORMAL,
    LOW_STOCK,
    OUT_OF_STOCK;

    static StockLevelState of(int available, int reorderPoint) {
        if (available <= 0) {
            return OUT_OF_STOCK;
        }
        return available < reorderPoint ? LOW_STOCK : NORMAL;
    }

    /** The alert a move from {@code before} to this level raises: only a move to a worse level raises one. */
    java.util.Optional<StockAlertType> alertFrom(StockLevelState before) {
        if (compareTo(before) <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(StockAlertType.valueOf(name()));
    }
}
