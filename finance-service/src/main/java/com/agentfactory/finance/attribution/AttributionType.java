package com.agentfactory.finance.attribution;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * The part a touchpoint played: the last one before the order is direct, an earlier interactive one (a
 * click, a conversation) assisted, an earlier passive one (a send, an impression, an open) influenced.
 * An order with no touchpoint in the window is unattributed.
 */
enum AttributionType {
    DIRECT,
    ASSISTED,
    INFLUENCED,
    UNATTRIBUTED;

    private static final Set<String> PASSIVE =
            Set.of("campaign_send", "email_send", "email_open", "ad_impression", "recommendation_shown", "sms_send");

    static AttributionType of(String touchpointType, boolean last) {
        if (last) {
            return DIRECT;
        }
        return PASSIVE.contains(touchpointType) ? INFLUENCED : ASSISTED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttributionType fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
