package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whitelist of fields a segment rule may name, each with the one column of the customer read model it reads, or
 * for a money field the sum over the customer's orders in one currency. Only these names and expressions ever reach
 * SQL text; nothing a caller sends does.
 */
enum SegmentField {
    EMAIL("email", "email", FieldType.TEXT),
    COUNTRY("country", "country", FieldType.TEXT),
    CUSTOMER_NUMBER("customer_number", "customer_number", FieldType.TEXT),
    ORDER_COUNT("order_count", "order_count", FieldType.INTEGER),
    // summed per currency from the orders, not read from customers.total_spent: that holds the spend in one currency
    // only (the first order's), and a customer who paid in several is compared in each on what they paid in it
    TOTAL_SPENT("total_spent", "sum(placed_total - cancelled_total)", FieldType.MONEY),
    SPEND_CURRENCY("spend_currency", "spend_currency", FieldType.TEXT),
    LAST_ORDER_AT("last_order_at", "last_order_at", FieldType.TIMESTAMP),
    FIRST_SEEN_AT("first_seen_at", "first_seen_at", FieldType.TIMESTAMP),
    // the segments finance announces it assigns; one it adds later is stored, but selectable only once listed
    FINANCE_SEGMENT("finance_segment", "finance_segment", CustomerSegmentChanged.SEGMENTS);

    private final String wireName;
    private final String column;
    private final FieldType type;
    private final List<String> choices;

    SegmentField(String wireName, String column, FieldType type) {
        this(wireName, column, type, List.of());
    }

    SegmentField(String wireName, String column, List<String> choices) {
        this(wireName, column, FieldType.CHOICE, choices);
    }

    SegmentField(String wireName, String column, FieldType type, List<String> choices) {
        this.wireName = wireName;
        this.column = column;
        this.type = type;
        this.choices = List.copyOf(choices);
    }

    String wireName() {
        return wireName;
    }

    /** The read model's column; for a {@link FieldType#MONEY} field, an aggregate over {@code customer_orders}. */
    String column() {
        return column;
    }

    FieldType type() {
        return type;
    }

    /** The names a {@link FieldType#CHOICE} field may be compared with; empty for other types. */
    List<String> choices() {
        return choices;
    }

    /** What a value of this field must be, for error messages. */
    String expectedValue() {
        return type == FieldType.CHOICE ? "one of: " + String.join(", ", choices) : type.description();
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

    static String moneyNames() {
        return Arrays.stream(values())
                .filter(field -> field.type == FieldType.MONEY)
                .map(SegmentField::wireName)
                .collect(Collectors.joining(", "));
    }
}
