package com.agentfactory.inventory.stock;

import java.util.List;

/** The stock of each known SKU asked for, in the order asked; SKUs without stock records are listed apart. */
record StockLevelsResponse(List<StockResponse> items, List<String> unknownSkus) {}
