package com.agentfactory.recommendation.catalog;

import com.agentfactory.messaging.commerce.ProductUpserted;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

@Repository
public class ProductRepository {

    private static final String COLUMNS =
            "product_id, sku, name, description, category, price, currency, margin, stock_quantity, rating, created_at";

    private final JdbcTemplate jdbc;

    ProductRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies an upsert unless a newer one already did: events of one product may be redelivered out of order. The
     * stock is the inventory agent's once it has reported the SKU (it ignores the feed's quantity of a SKU it
     * stocks); before that the feed's, and a feed without a quantity keeps the one known. Returns whether the upsert
     * was newer, and whether it changed what lists show of the product or rank it by. Runs in the caller's transaction,
     * which holds the SKU's lock from here to its end.
     */
    Upserted upsert(ProductUpserted event, Instant now) {
        lockSku(event.sku());
        // the statement's snapshot is taken before it writes, so "listed" is the product as it was
        List<Boolean> listingChanged = jdbc.query(
                """
                WITH listed AS (
                    SELECT name, category, price, currency, margin FROM products WHERE product_id = ?
                )
                INSERT INTO products (product_id, sku, name, description, category, price, currency, margin,
                                      stock_quantity, source_updated_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?,
                        COALESCE((SELECT sum(GREATEST(available, 0)) FROM stock_levels WHERE sku = ?), ?),
                        ?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE SET
                    sku = EXCLUDED.sku, name = EXCLUDED.name, description = EXCLUDED.description,
                    category = EXCLUDED.category, price = EXCLUDED.price, currency = EXCLUDED.currency,
                    -- a feed without a cost keeps the margin set through the API
                    margin = COALESCE(EXCLUDED.margin, products.margin),
                    stock_quantity = COALESCE(EXCLUDED.stock_quantity, products.stock_quantity),
                    source_updated_at = EXCLUDED.source_updated_at, updated_at = EXCLUDED.updated_at
                WHERE products.source_updated_at <= EXCLUDED.source_updated_at
                RETURNING NOT EXISTS (
                    SELECT 1 FROM listed
                    WHERE (listed.name, listed.category, listed.price, listed.currency, listed.margin)
                          IS NOT DISTINCT FROM
                          (products.name, products.category, products.price, products.currency, products.margin))
                """,
                (row, n) -> row.getBoolean(1),
                event.productId(),
                event.productId(),
                event.sku(),
                event.name(),
                event.description(),
                event.category(),
                event.price().amount(),
                event.price().currency(),
                event.margin().orElse(null),
                event.sku(),
                event.stockQuantity(),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(now));
        if (listingChanged.isEmpty()) {
            return Upserted.OLDER;
        }
        return listingChanged.getFirst() ? Upserted.LISTING_CHANGED : Upserted.LISTING_KEPT;
    }

    /**
     * Records one warehouse's available units of a SKU unless a later level of it is stored (a redelivered or
     * replayed change must not undo a newer one), and sets the SKU's products to the units available in all
     * warehouses. Returns whether the level was newer. Runs in the caller's transaction, which holds the SKU's lock
     * from here to its end.
     */
    boolean applyStockLevel(String sku, String location, int available, Instant occurredAt) {
        lockSku(sku);
        int stored = jdbc.update("""
                INSERT INTO stock_levels (sku, location, available, occurred_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sku, location) DO UPDATE SET
                    available = EXCLUDED.available, occurred_at = EXCLUDED.occurred_at
                WHERE stock_levels.occurred_at <= EXCLUDED.occurred_at
                """, sku, location, available, Timestamp.from(occurredAt));
        if (stored == 0) {
            return false;
        }
        // a warehouse owing backorders counts as none, not as less than none
        jdbc.update(
                "UPDATE products SET stock_quantity ="
                        + " (SELECT sum(GREATEST(available, 0)) FROM stock_levels WHERE sku = ?) WHERE sku = ?",
                sku,
                sku);
        return true;
    }

    // A product's stock is computed from the SKU's levels in one statement and written in it, and a statement sees
    // only what was committed when it began: without this lock a feed update reading the levels while a stock change
    // of the SKU is uncommitted waits for that change's product row, then writes the stock of the levels before it
    // (a sold-out product back in stock until the SKU's next change); two warehouses' changes of one SKU likewise.
    // Taken before the statements that read the levels, so each reads what the one before it committed.
    private void lockSku(String sku) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                "recommendation.sku:" + sku);
    }

    /** Every product known to be out of stock now; a product whose stock is unknown counts as in stock. */
    public Set<UUID> soldOut() {
        return new HashSet<>(
                jdbc.queryForList("SELECT product_id FROM products WHERE stock_quantity <= 0", UUID.class));
    }

    /** Whether each product of a SKU is out of stock now, keyed by product id. */
    public Map<UUID, Boolean> soldOutOfSku(String sku) {
        Map<UUID, Boolean> soldOut = new HashMap<>();
        jdbc.query(
                "SELECT product_id, COALESCE(stock_quantity <= 0, false) AS sold_out FROM products WHERE sku = ?",
                row -> {
                    soldOut.put(row.getObject("product_id", UUID.class), row.getBoolean("sold_out"));
                },
                sku);
        return soldOut;
    }

    public Optional<Product> find(UUID productId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM products WHERE product_id = ?", ProductRepository::map, productId)
                .stream()
                .findFirst();
    }

    /** The products among the ids that exist, keyed by id. */
    public Map<UUID, Product> findAll(Collection<UUID> productIds) {
        Map<UUID, Product> found = new HashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT " + COLUMNS + " FROM products WHERE product_id = ANY (?)", ProductRepository::map, (Object)
                        productIds.toArray(UUID[]::new))
                .forEach(product -> found.put(product.productId(), product));
        return found;
    }

    /** The newest products in stock: what a store with no behaviour yet can still show. */
    public List<Product> newestInStock(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM products WHERE stock_quantity IS NULL OR stock_quantity > 0"
                        + " ORDER BY created_at DESC, product_id LIMIT ?",
                ProductRepository::map,
                limit);
    }

    /** Every product's category, for the models; products without one are left out. */
    public Map<UUID, String> categories() {
        Map<UUID, String> categories = new HashMap<>();
        jdbc.query("SELECT product_id, category FROM products WHERE category IS NOT NULL", row -> {
            categories.put(row.getObject("product_id", UUID.class), row.getString("category"));
        });
        return categories;
    }

    /** Every product's text (name, category, description), for content similarity. */
    public Map<UUID, String> texts() {
        Map<UUID, String> texts = new HashMap<>();
        jdbc.query("SELECT product_id, name, category, description FROM products", row -> {
            StringBuilder text = new StringBuilder(row.getString("name"));
            for (String part : new String[] {row.getString("category"), row.getString("description")}) {
                if (part != null) {
                    text.append(' ').append(part);
                }
            }
            texts.put(row.getObject("product_id", UUID.class), text.toString());
        });
        return texts;
    }

    /**
     * Products in stock in a category priced above a floor, the most profitable first (then the cheapest
     * step up): what an upsell can offer instead of or beside a product.
     */
    public List<Product> pricierInCategory(String category, BigDecimal above, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM products WHERE category = ? AND price > ?"
                        + " AND (stock_quantity IS NULL OR stock_quantity > 0)"
                        + " ORDER BY margin DESC NULLS LAST, price, product_id LIMIT ?",
                ProductRepository::map,
                category,
                above,
                limit);
    }

    boolean updateMargin(UUID productId, BigDecimal margin) {
        return jdbc.update("UPDATE products SET margin = ? WHERE product_id = ?", margin, productId) == 1;
    }

    List<Product> search(ProductQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        arguments.add(query.limit());
        arguments.add(query.offset());
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM products" + where + " ORDER BY "
                        + query.sort().orderBy() + " LIMIT ? OFFSET ?",
                ProductRepository::map,
                arguments.toArray());
    }

    long count(ProductQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        Long total = jdbc.queryForObject("SELECT count(*) FROM products" + where, Long.class, arguments.toArray());
        return total == null ? 0 : total;
    }

    private static String where(ProductQuery query, List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        if (query.category() != null) {
            conditions.add("category = ?");
            arguments.add(query.category());
        }
        if (query.search() != null) {
            // the search text is a literal, never a pattern: escape LIKE's wildcards
            String literal =
                    query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            conditions.add("(name ILIKE ? OR description ILIKE ?)");
            arguments.add("%" + literal + "%");
            arguments.add("%" + literal + "%");
        }
        if (query.minPrice() != null) {
            conditions.add("price >= ?");
            arguments.add(query.minPrice());
        }
        if (query.maxPrice() != null) {
            conditions.add("price <= ?");
            arguments.add(query.maxPrice());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Product map(ResultSet row, int rowNumber) throws SQLException {
        return new Product(
                row.getObject("product_id", UUID.class),
                row.getString("sku"),
                row.getString("name"),
                row.getString("description"),
                row.getString("category"),
                row.getBigDecimal("price"),
                row.getString("currency"),
                row.getBigDecimal("margin"),
                (Integer) row.getObject("stock_quantity"),
                row.getBigDecimal("rating"),
                row.getTimestamp("created_at").toInstant());
    }
}
