package com.agentfactory.support.returns;

/** What the customer wants to send back: a product of the order and how many of it. */
public record ReturnItem(String sku, int quantity) {}
