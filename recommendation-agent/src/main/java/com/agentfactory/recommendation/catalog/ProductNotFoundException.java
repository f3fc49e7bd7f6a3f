package com.agentfactory.recommendation.catalog;

import java.util.UUID;

public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(UUID productId) {
        super("No product " + productId);
    }
}
