package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.error.ConflictException;

class InsufficientStockException extends ConflictException {

    InsufficientStockException(String sku, String where, int wanted, int available) {
        super("only " + available + " of SKU " + sku + " available " + where + ", " + wanted + " asked");
    }
}
