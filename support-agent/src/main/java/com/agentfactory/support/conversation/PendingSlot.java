package com.agentfactory.support.conversation;

import java.util.Arrays;

/** What the bot asked the customer for and waits to hear; stored as {@code pending_slot}. */
enum PendingSlot {
    ORDER_NUMBER("order_number");

    private final String column;

    PendingSlot(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static PendingSlot fromColumn(String value) {
        return value == null
                ? null
                : Arrays.stream(values())
                        .filter(slot -> slot.column.equals(value))
                        .findFirst()
                        .orElse(null);
    }
}
