package com.agentfactory.campaign.channel;

import com.agentfactory.messaging.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A way of contacting a customer; consent is given, and sends are made, per channel. */
public enum Channel {
    EMAIL,
    SMS,
    PUSH;

    /** The pattern request records declare, so the published task schemas say which names are accepted. */
    public static final String PATTERN = "email|sms|push";

    /** The lower-case name used in the APIs and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(channel -> channel.wireName().equals(wireName))
                .findFirst();
    }

    /** The channel a request names in {@code field}; usually checked by the record's pattern already. */
    public static Channel of(String wireName, String field) {
        return fromWireName(wireName)
                .orElseThrow(() -> InvalidInputException.of(field, "must be one of: email, sms, push"));
    }
}
