package com.agentfactory.inventory.stock;

/** One stocked SKU in a list, its counts summed over the warehouses it is stocked at. */
record StockedSkuResponse(
        String sku, long available, long onHand, long reserved, long inTransit, long backordered, long locations) {

    static StockedSkuResponse of(Object[] row) {
        return new StockedSkuResponse(
                (String) row[0],
                number(row[1]),
                number(row[2]),
                number(row[3]),
                number(row[4]),
                number(row[5]),
                number(row[6]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
