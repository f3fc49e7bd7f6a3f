package com.agentfactory.inventory.stock;

import java.time.LocalDate;

/** Units of a SKU an order asked of a warehouse on a day (UTC), shipped or backordered: demand, for forecasts. */
public record UnitsOrdered(String sku, String location, LocalDate day, int units) {}
