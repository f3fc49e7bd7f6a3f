package com.agentfactory.campaign.segment;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whitelist of fields a segment rule may name, each with the one column of the customer read model it reads.
 * Only these column names ever reach SQL text; nothing a caller sends does.
 */
enum SegmentField {
    EMAIL("email", "email", FieldType.TEXT),
    COUNTRY("country", "country", FieldType.TEXT),
    CUSTOMER_NUMBER("customer_number", "customer_number", FieldType.TEXT),
    ORDER_COUNT("order_count", "order_count", FieldType.INTEGER),
    TOTAL_SPENT("total_spent", "total_spent", FieldType.DECIMAL),
    SPEND_CURRENCY("spend_currency", "spend_currency", FieldType.TEXT),
    LAST_ORDER_AT("last_order_at", "last_order_at", FieldType.TIMESTAMP),
    FIRST_SEEN_AT("first_seen_at", "first_seen_at", FieldType.TIMESTAMP);

    private final String wireName;
    private final String column;
    private final FieldType type;

    SegmentField(String wireName, String column, FieldType type) {
        this.wireName = wireName;
        this.column = column;
        this.type = type;
    }

    String wireName() {
        return wireName;
    }

    String column() {
        return column;
    }

    FieldType type() {
        return type;
    }

    // exact match only: no trimming, no case folding, so look-alike names are unknown rather than guessed
    static Optional<SegmentField> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(field -> field.wireName.equals(name))
                .findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(SegmentField::wireName).collect(Collectors.joining(", "));
    }
}
