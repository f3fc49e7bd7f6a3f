package com.agentfactory.recommendation.catalog;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

public class ProductNotFoundException extends NotFoundException {

    public ProductNotFoundException(UUID productId) {
        super("No product " + productId);
    }
}
