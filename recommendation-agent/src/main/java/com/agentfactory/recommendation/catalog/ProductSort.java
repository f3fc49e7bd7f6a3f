package com.agentfactory.recommendation.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders the products API offers; product id breaks ties so pages never overlap. */
enum ProductSort {
    PRICE_ASC("price ASC, product_id"),
    PRICE_DESC("price DESC, product_id"),
    RATING("rating DESC NULLS LAST, created_at DESC, product_id"),
    NEWEST("created_at DESC, product_id");

    private final String orderBy;

    ProductSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }

    static Optional<ProductSort> parse(String value) {
        return Arrays.stream(values())
                .filter(sort -> sort.name().toLowerCase(Locale.ROOT).equals(value))
                .findFirst();
    }
}
