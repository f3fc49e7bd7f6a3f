package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.error.NotFoundException;

class UnknownSkuException extends NotFoundException {

    UnknownSkuException(String sku) {
        super("no stock is kept for SKU " + sku);
    }
}
