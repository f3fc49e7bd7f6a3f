package com.agentfactory.inventory.stock;

import java.time.Instant;
import java.util.List;

/** A SKU's stock over all warehouses, then per warehouse. */
record StockResponse(
        String sku,
        int available,
        int onHand,
        int reserved,
        int allocated,
        int inTransit,
        int backordered,
        List<LocationStock> locations) {

    static StockResponse of(String sku, List<StockLevel> rows) {
        List<LocationStock> locations = rows.stream().map(LocationStock::of).toList();
        return new StockResponse(
                sku,
                locations.stream().mapToInt(LocationStock::available).sum(),
                locations.stream().mapToInt(LocationStock::onHand).sum(),
                locations.stream().mapToInt(LocationStock::reserved).sum(),
                locations.stream().mapToInt(LocationStock::allocated).sum(),
                locations.stream().mapToInt(LocationStock::inTransit).sum(),
                locations.stream().mapToInt(LocationStock::backordered).sum(),
                locations);
    }

    record LocationStock(
            String location,
            int available,
            int onHand,
            int reserved,
            int allocated,
            int inTransit,
            int backordered,
            java.time.LocalDate expiresOn,
            Instant updatedAt) {

        static LocationStock of(StockLevel row) {
            return new LocationStock(
                    row.location(),
                    row.available(),
                    row.onHand(),
                    row.reserved(),
                    row.allocated(),
                    row.inTransit(),
                    row.backordered(),
                    row.expiresOn(),
                    row.updatedAt());
        }
    }
}
