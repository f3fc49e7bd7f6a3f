package com.agentfactory.finance.budget;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

enum ReservationStatus {
    RESERVED,
    COMMITTED,
    RELEASED;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
