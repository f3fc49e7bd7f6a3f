package com.agentfactory.campaign.support;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Storefront customer and order events for tests, and customers the agent has taken in from them. */
public final class CustomerMother {

    private CustomerMother() {}

    /** A country name no other test uses, so a segment on it sees only this test's customers. */
    public static String freshCountry() {
        return "Testland " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new customer of the country at {@code <id>@example.test}, once the agent has applied them; their id. */
    public static UUID knownCustomer(CommerceEvents commerce, String country) {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, customer + "@example.test", country, Instant.now()));
        return customer;
    }

    public static CustomerUpserted customer(UUID id, String email, String country, Instant at) {
        return customer(id, email, null, country, at);
    }

    public static CustomerUpserted customer(UUID id, String email, String phone, String country, Instant at) {
        return new CustomerUpserted(
                UUID.randomUUID(), at, id, "C-" + id.toString().substring(0, 8), email, country, phone);
    }

    /**
     * A phone number no other test uses, so one test's STOP reaches only its own customers. Under country code 999,
     * which no network has: no number here belongs to anyone.
     */
    public static String freshPhone() {
        return "+999"
                + String.format(
                        "%011d",
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    public static OrderPlaced order(UUID customerId, String amount, Instant at) {
        return order(UUID.randomUUID(), customerId, amount, at);
    }

    public static OrderPlaced order(UUID orderId, UUID customerId, String amount, Instant at) {
        return order(orderId, customerId, amount, "GBP", at);
    }

    /** An order in another currency than the shop's usual GBP. */
    public static OrderPlaced order(UUID customerId, String amount, String currency, Instant at) {
        return order(UUID.randomUUID(), customerId, amount, currency, at);
    }

    public static OrderPlaced order(UUID orderId, UUID customerId, String amount, String currency, Instant at) {
        return new OrderPlaced(
                UUID.randomUUID(),
                at,
                orderId,
                "O-" + orderId.toString().substring(0, 8),
                customerId,
                "GB",
                currency,
                List.of(line(amount)));
    }

    public static OrderCancelled cancellation(UUID orderId, UUID customerId, String amount, Instant at) {
        return new OrderCancelled(
                UUID.randomUUID(),
                at,
                orderId,
                "C" + orderId.toString().substring(0, 8),
                null,
                customerId,
                true,
                "changed mind",
                "GBP",
                List.of(line(amount)));
    }

    private static OrderLine line(String amount) {
        return new OrderLine(UUID.randomUUID(), "SKU-1", 1, new BigDecimal(amount));
    }
}
