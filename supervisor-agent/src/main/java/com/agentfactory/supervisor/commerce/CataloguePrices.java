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

/** The catalogue's current price per product, as the product feed last set it. */
@Repository
class CataloguePrices {

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

    /** The prices of those products the catalogue knows. */
    Map<UUID, Money> of(Collection<UUID> productIds) {
        Map<UUID, Money> prices = new HashMap<>();
        jdbc.query(
                "SELECT product_id, amount, currency FROM catalogue_prices WHERE product_id = ANY (?)",
                statement ->
                        statement.setArray(1, statement.getConnection().createArrayOf("uuid", productIds.toArray())),
                rs -> {
                    prices.put(
                            rs.getObject("product_id", UUID.class),
                            new Money(rs.getBigDecimal("amount"), rs.getString("currency")));
                });
        return prices;
    }
}
