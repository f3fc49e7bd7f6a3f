package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.catalog.ProductRepository;
import com.agentfactory.recommendation.catalog.StockChanged;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The products out of stock now, held in memory so that serving a cached list costs no query: a cached list is
 * served far more often than stock changes.
 *
 * <p>Staleness bound: all instances share the stock consumer group, so each applies only the changes of its own
 * partitions. A change applied here is taken in as soon as it is committed; one applied by another instance only
 * when the set is read again, which the first list served after it is older than {@code sold-out-max-age} does. A list
 * served at time t therefore leaves out every product sold out, through any instance, before t minus the max age, and
 * shows again every product restocked before then.
 */
@Component
class SoldOutProducts {

    private final ProductRepository products;
    private final RefreshedIdSet soldOut;

    SoldOutProducts(ProductRepository products, RecommendationProperties properties, Clock clock) {
        this.products = products;
        this.soldOut = new RefreshedIdSet(products::soldOut, properties.soldOutMaxAge(), clock);
    }

    /** The products among the ids out of stock now, as of at most the max age ago. */
    Set<UUID> among(Collection<UUID> productIds) {
        Set<UUID> soldOutNow = soldOut.current();
        Set<UUID> among = new HashSet<>();
        for (UUID productId : productIds) {
            if (soldOutNow.contains(productId)) {
                among.add(productId);
            }
        }
        return among;
    }

    // after commit, so the products' stock is read as the change left it. A reading of the whole set running at the
    // same time may replace this one's effect with what it read before the commit; the max age bounds that too.
    @TransactionalEventListener(fallbackExecution = true)
    void onStockChanged(StockChanged change) {
        if (!soldOut.hasBeenRead()) {
            return;
        }
        products.soldOutOfSku(change.sku()).forEach((productId, isSoldOut) -> {
            if (isSoldOut) {
                soldOut.add(productId);
            } else {
                soldOut.remove(productId);
            }
        });
    }
}
