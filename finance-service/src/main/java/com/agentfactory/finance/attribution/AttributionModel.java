package com.agentfactory.finance.attribution;

import com.agentfactory.messaging.error.RuleViolationException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an order's revenue is shared over the customer's touchpoints; wire and database spelling is snake case. */
public enum AttributionModel {
    /** All credit to the earliest touchpoint in the window. */
    FIRST_TOUCH,
    /** All credit to the latest touchpoint before the order. */
    LAST_TOUCH,
    /** Equal shares. */
    LINEAR,
    /** Shares halve with every half-life of age before the order. */
    TIME_DECAY,
    /** 40% first, 40% last, 20% shared by the ones between (50/50 for two touchpoints). */
    POSITION_BASED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model a request names in its {@code model} parameter. */
    public static AttributionModel parse(String model) {
        try {
            return fromWireName(model);
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(
                    "model", "must be one of first_touch, last_touch, linear, time_decay, position_based");
        }
    }

    @JsonCreator
    public static AttributionModel fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
