package com.agentfactory.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A small store as the storefront announces it through the supervisor's event intake: a catalogue in a few
 * categories, customers, and orders in which each customer mostly buys from a favourite category, so that the
 * recommendation models have something to learn. Seeded, so every run measures the same store.
 */
final class StoreEvents {

    static final List<String> CATEGORIES = List.of("lighting", "kitchen", "garden", "stationery");
    private static final int PRODUCTS_PER_CATEGORY = 8;
    private static final int CUSTOMERS = 40;
    private static final int ORDERS_PER_CUSTOMER = 3;
    private static final int LINES_PER_ORDER = 2;

    record Product(UUID id, String sku, String category, String price) {}

    record Customer(UUID id, String number, String category) {}

    final List<Product> products = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    private final Random random;
    private final Instant now;

    private StoreEvents(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        for (String category : CATEGORIES) {
            for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
                products.add(new Product(
                        uuid(),
                        "BENCH-" + category.substring(0, 3).toUpperCase(Locale.ROOT) + "-" + i,
                        category,
                        (3 + random.nextInt(40)) + ".99"));
            }
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(new Customer(uuid(), "BENCH" + (1000 + i), CATEGORIES.get(i % CATEGORIES.size())));
        }
    }

    static StoreEvents seeded(long seed, Instant now) {
        return new StoreEvents(seed, now);
    }

    /** The catalogue and the customers: what the orders refer to, so announced (and taken in) first. */
    List<String> catalogueAndCustomers() {
        List<String> events = new ArrayList<>();
        products.forEach(product -> events.add(productUpserted(product)));
        customers.forEach(customer -> events.add(customerUpserted(customer)));
        return events;
    }

    List<String> orders() {
        List<String> events = new ArrayList<>();
        for (Customer customer : customers) {
            for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
                List<Product> lines = new ArrayList<>();
                for (int line = 0; line < LINES_PER_ORDER; line++) {
                    lines.add(pick(customer.category()));
                }
                events.add(orderPlaced(customer, lines, now.minusSeconds(86_400L * (i + 1))));
            }
        }
        return events;
    }

    /** The body of the supervisor's {@code /api/v1/events/batch}. */
    static String batch(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    String productUpserted(Product product) {
        return productUpserted(product, uuid(), now);
    }

    /** A product as the storefront announces it, with 500 in stock. */
    static String productUpserted(Product product, UUID eventId, Instant at) {
        return "{\"type\":\"product.upserted\"," + header(eventId, at) + ",\"product_id\":\"" + product.id()
                + "\",\"sku\":\""
                + product.sku() + "\",\"name\":\"Benchmark " + product.category() + " " + product.sku()
                + "\",\"description\":\"A " + product.category() + " product of the benchmark store\",\"category\":\""
                + product.category() + "\",\"price\":{\"amount\":\"" + product.price()
                + "\",\"currency\":\"GBP\"},\"stock_quantity\":500}";
    }

    String customerUpserted(Customer customer) {
        return "{\"type\":\"customer.upserted\"," + header(now) + ",\"customer_id\":\"" + customer.id()
                + "\",\"customer_number\":\"" + customer.number() + "\",\"country\":\"United Kingdom\"}";
    }

    String orderPlaced(Customer customer, List<Product> lines, Instant at) {
        List<String> json = lines.stream()
                .map(line -> "{\"product_id\":\"" + line.id() + "\",\"sku\":\"" + line.sku()
                        + "\",\"quantity\":1,\"unit_price\":\"" + line.price() + "\"}")
                .toList();
        return "{\"type\":\"order.placed\"," + header(at) + ",\"order_id\":\"" + uuid() + "\",\"order_number\":\""
                + "BENCH-" + Integer.toHexString(random.nextInt()) + "\",\"customer_id\":\"" + customer.id()
                + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\",\"lines\":[" + String.join(",", json) + "]}";
    }

    /** Mostly the customer's favourite category, now and then another: tastes overlap, as in a real store. */
    private Product pick(String favourite) {
        String category = random.nextInt(5) == 0 ? CATEGORIES.get(random.nextInt(CATEGORIES.size())) : favourite;
        List<Product> inCategory = products.stream()
                .filter(product -> product.category().equals(category))
                .toList();
        return inCategory.get(random.nextInt(inCategory.size()));
    }

    private String header(Instant at) {
        return header(uuid(), at);
    }

    private static String header(UUID eventId, Instant at) {
        return "\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + at + "\"";
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
