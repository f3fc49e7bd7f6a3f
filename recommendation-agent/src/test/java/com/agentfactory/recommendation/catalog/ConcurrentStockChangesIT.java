package com.agentfactory.recommendation.catalog;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentStockChangesIT extends RecommendationIntegrationTest {

    private static final long WAIT_SECONDS = 60;

    @Autowired
    CatalogService catalog;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFeedUpdateDuringAStockChangeOfItsSkuKeepsTheChangedStock() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ProductUpserted listed = product(UUID.randomUUID(), "Lamp", freshCategory("light"), "25.00", 10);
        Instant reported = listed.occurredAt();
        transactions.executeWithoutResult(status -> catalog.apply(listed));
        transactions.executeWithoutResult(status -> catalog.applyStockLevel(listed.sku(), "WH-1", 5, reported));
        assertThat(stockOf(listed)).isEqualTo(5);

        // each on a thread of its own: the common pool may have a single one
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // the warehouse sells out, as the stock listener applies it, and holds its transaction open
            CountDownLatch commitSoldOut = new CountDownLatch(1);
            CompletableFuture<Integer> soldOutSession = new CompletableFuture<>();
            Future<?> soldOut = threads.submit(() -> transactions.executeWithoutResult(status -> {
                catalog.applyStockLevel(listed.sku(), "WH-1", 0, reported.plusSeconds(1));
                soldOutSession.complete(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                try {
                    assertThat(commitSoldOut.await(WAIT_SECONDS, TimeUnit.SECONDS))
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            int holder = soldOutSession.get(WAIT_SECONDS, TimeUnit.SECONDS);

            // the feed renames the product meanwhile, as the commerce listener applies it
            Future<?> feed = threads.submit(
                    () -> transactions.executeWithoutResult(status -> catalog.apply(renamed(listed, "Desk lamp"))));
            LockWaits.awaitSessionBlockedBy(jdbc, holder);
            commitSoldOut.countDown();
            soldOut.get(WAIT_SECONDS, TimeUnit.SECONDS);
            feed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForObject(
                        "SELECT name FROM products WHERE product_id = ?", String.class, listed.productId()))
                .isEqualTo("Desk lamp");
        assertThat(stockOf(listed)).isZero();
    }

    private Integer stockOf(ProductUpserted product) {
        return jdbc.queryForObject(
                "SELECT stock_quantity FROM products WHERE product_id = ?", Integer.class, product.productId());
    }
}
