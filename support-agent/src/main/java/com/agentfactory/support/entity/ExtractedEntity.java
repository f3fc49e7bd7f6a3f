package com.agentfactory.support.entity;

/**
 * An entity span in the original text.
 *
 * @param type for example order_number, invoice_number, product_id, amount, date, email, person, city, country
 * @param start offset of the first character (inclusive)
 * @param end offset after the last character (exclusive)
 * @param text the span as written
 * @param normalizedValue canonical form: an ISO date, "12.50 GBP", an upper-case order number, an ISO country code
 */
public record ExtractedEntity(String type, int start, int end, String text, String normalizedValue) {}
