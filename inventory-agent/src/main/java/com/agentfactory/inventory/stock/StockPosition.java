package com.agentfactory.inventory.stock;

import java.time.LocalDate;

/**
 * A SKU's stock at one warehouse, as the planning features read it.
 *
 * @param expiresOn the earliest expiry of the units on hand; null when not perishable or empty
 */
public record StockPosition(
        String sku, String location, int available, int onHand, int inTransit, int backordered, LocalDate expiresOn) {

    static StockPosition of(StockLevel row) {
        return new StockPosition(
                row.sku(),
                row.location(),
                row.available(),
                row.onHand(),
                row.inTransit(),
                row.backordered(),
                row.expiresOn());
    }
}
