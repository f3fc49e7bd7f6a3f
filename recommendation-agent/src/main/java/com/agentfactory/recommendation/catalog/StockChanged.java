package com.agentfactory.recommendation.catalog;

/**
 * Published when this instance may have changed whether the products of a SKU are in stock, so what is kept of
 * their stock elsewhere can follow once the change is committed.
 */
public record StockChanged(String sku) {}
