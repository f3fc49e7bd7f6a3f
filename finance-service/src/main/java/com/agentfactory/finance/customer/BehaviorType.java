package com.agentfactory.finance.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The behaviour events the store tracks; the funnel stages read page_view, product_view, add_to_cart, purchase. */
public enum BehaviorType {
    PAGE_VIEW,
    PRODUCT_VIEW,
    SEARCH,
    ADD_TO_CART,
    REMOVE_FROM_CART,
    WISHLIST_ADD,
    CHECKOUT_STARTED,
    CART_ABANDONED,
    PURCHASE,
    EMAIL_OPEN,
    EMAIL_CLICK,
    CAMPAIGN_CLICK,
    AD_CLICK,
    RECOMMENDATION_CLICK,
    SUPPORT_CONVERSATION,
    REVIEW,
    TRADE_ENQUIRY;

    /** Behaviours that show an intent to buy. */
    static final Set<BehaviorType> INTENT = Set.of(ADD_TO_CART, CHECKOUT_STARTED, CART_ABANDONED, TRADE_ENQUIRY);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BehaviorType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }

    static String allWireNames() {
        return Arrays.stream(values()).map(BehaviorType::wireName).collect(Collectors.joining(", "));
    }
}
