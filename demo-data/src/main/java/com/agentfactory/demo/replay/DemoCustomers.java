package com.agentfactory.demo.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The replayed customers with the most orders, so the demo can give a few of them logins: signed in as one, a person
 * sees that customer's real order history and can ask the support chat about one of their orders.
 */
public final class DemoCustomers {

    static final int MOST_ACTIVE = 5;
    static final int LATEST_ORDERS = 3;

    /** A customer of the file, with their orders' numbers, latest first. */
    public record DemoCustomer(String customerNumber, UUID customerId, List<String> latestOrders) {

        String line() {
            return customerNumber + "\t" + customerId + "\t" + String.join(",", latestOrders);
        }
    }

    private DemoCustomers() {}

    /** The {@value #MOST_ACTIVE} customers with the most orders (ties by customer number), from the mapped events. */
    static List<DemoCustomer> mostActive(List<StorefrontEvent> events) {
        Map<UUID, String> numbers = new HashMap<>();
        Map<UUID, List<StorefrontEvent.OrderPlaced>> orders = new HashMap<>();
        for (StorefrontEvent event : events) {
            switch (event) {
                case StorefrontEvent.CustomerUpserted customer ->
                    numbers.put(customer.customerId(), customer.customerNumber());
                case StorefrontEvent.OrderPlaced order
                when order.customerId() != null ->
                    orders.computeIfAbsent(order.customerId(), id -> new ArrayList<>())
                            .add(order);
                default -> {
                    // products and cancellations name no one new
                }
            }
        }
        return orders.entrySet().stream()
                .filter(entry -> numbers.containsKey(entry.getKey()))
                .sorted(Comparator.<Map.Entry<UUID, List<StorefrontEvent.OrderPlaced>>>comparingInt(
                                entry -> -entry.getValue().size())
                        .thenComparing(entry -> numbers.get(entry.getKey())))
                .limit(MOST_ACTIVE)
                .map(entry -> new DemoCustomer(
                        numbers.get(entry.getKey()),
                        entry.getKey(),
                        entry.getValue().stream()
                                .sorted(Comparator.comparing(StorefrontEvent.OrderPlaced::occurredAt)
                                        .reversed())
                                .limit(LATEST_ORDERS)
                                .map(StorefrontEvent.OrderPlaced::orderNumber)
                                .toList()))
                .toList();
    }

    static void write(List<DemoCustomer> customers, Path file) throws IOException {
        List<String> lines = customers.stream().map(DemoCustomer::line).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
