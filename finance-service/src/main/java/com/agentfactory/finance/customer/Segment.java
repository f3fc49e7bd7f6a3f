package com.agentfactory.finance.customer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The store's segments (specification 000 §3, adapted to an online gift and homeware wholesaler-retailer):
 * the spec's professional "interior designers" become trade buyers (shops and businesses buying in bulk),
 * its "individual collectors" loyal collectors (repeat buyers who come back often); the rest describe
 * occasional gift buyers, first-time buyers, lapsed customers and visitors who have not bought yet.
 */
enum Segment {
    TRADE_BUYER,
    LOYAL_COLLECTOR,
    OCCASIONAL_GIFT_BUYER,
    FIRST_TIME_BUYER,
    LAPSED_CUSTOMER,
    ENGAGED_PROSPECT,
    BROWSING_VISITOR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Segment fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
