package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CheckoutStarted;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.PageViewed;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.messaging.identity.Caller;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a signed-in customer may send from the storefront: their own browsing, cart, checkout and order events.
 * Catalogue and customer records, cancellations (refunds) and abandoned-cart detection are the shop's back office
 * and come from staff or service clients. Other callers are not restricted here; the gateway decides who may post
 * events at all.
 */
final class StorefrontPolicy {

    static final Set<CommerceEventType> CUSTOMER_TYPES = EnumSet.of(
            CommerceEventType.PAGE_VIEWED,
            CommerceEventType.PRODUCT_VIEWED,
            CommerceEventType.ADDED_TO_CART,
            CommerceEventType.CHECKOUT_STARTED,
            CommerceEventType.ORDER_PLACED);

    private StorefrontPolicy() {}

    static boolean isCustomerOnly(Caller caller) {
        return caller.hasRole(Caller.CUSTOMER)
                && !caller.hasAnyRole(
                        Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SUPPORT_AGENT, Caller.SYSTEM_AGENT);
    }

    /** Why the caller may not send this event, naming the field at fault; empty when it may. */
    static Optional<String> refusal(CommerceEventType type, Caller caller) {
        if (isCustomerOnly(caller) && !CUSTOMER_TYPES.contains(type)) {
            return Optional.of("type: a customer may not send " + type.wireName() + " events");
        }
        return Optional.empty();
    }

    static Optional<String> refusal(CommerceEvent event, Caller caller) {
        if (!isCustomerOnly(caller)) {
            return Optional.empty();
        }
        UUID own = caller.customerId();
        if (own == null || !own.equals(customerOf(event))) {
            return Optional.of("customer_id: a customer may only send events about themselves");
        }
        return Optional.empty();
    }

    private static UUID customerOf(CommerceEvent event) {
        return switch (event) {
            case OrderPlaced order -> order.customerId();
            case OrderCancelled cancellation -> cancellation.customerId();
            case PageViewed view -> view.customerId();
            case ProductViewed view -> view.customerId();
            case AddedToCart added -> added.customerId();
            case CheckoutStarted checkout -> checkout.customerId();
            case CartAbandoned cart -> cart.customerId();
            case CustomerUpserted customer -> customer.customerId();
            case ProductUpserted ignored -> null;
        };
    }
}
