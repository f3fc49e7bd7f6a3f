package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.ProductUpserted;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The catalogue's current price and SKU per product, as the product feed last set them. */
@Repository
class CataloguePrices {

    /** A product as the catalogue lists it: the SKU stock is kept under, and its price. */
    record Listing(String sku, Money price) {}

    private final JdbcTemplate jdbc;

    CataloguePrices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(ProductUpserted product) {
        jdbc.update(
                """
                INSERT INTO catalogue_prices (product_id, sku, amount, currency, occurred_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE
                   SET sku = EXCLUDED.sku, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                       occurred_at = EXCLUDED.occurred_at
                 WHERE catalogue_prices.occurred_at <= EXCLUDED.occurred_at
                """,
                product.productId(),
                product.sku(),
                product.price().amount(),
                product.price().currency(),
                Timestamp.from(product.occurredAt()));
    }

    /** The listings of those products the catalogue knows. */
    Map<UUID, Listing> of(Collection<UUID> productIds) {
        Map<UUID, Listing> listings = new HashMap<>();
        jdbc.query(
                "SELECT product_id, sku, amount, currency FROM catalogue_prices WHERE product_id = ANY (?)",
                statement ->
                        statement.setArray(1, statement.getConnection().createArrayOf("uuid", productIds.toArray())),
                rs -> {
                    listings.put(
                            rs.getObject("product_id", UUID.class),
                            new Listing(
                                    rs.getString("sku"),
                                    new Money(rs.getBigDecimal("amount"), rs.getString("currency"))));
                });
        return listings;
    }
}
