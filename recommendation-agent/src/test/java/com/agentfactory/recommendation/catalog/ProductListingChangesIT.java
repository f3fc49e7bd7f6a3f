package com.agentfactory.recommendation.catalog;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.repriced;
import static com.agentfactory.recommendation.support.CommerceEventMother.restocked;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A change of a product's listing leaves every cached list unserved, so the catalog tells of those only: a feed that
 * sends a product again for its stock must not empty the cache.
 */
@RecordApplicationEvents
class ProductListingChangesIT extends RecommendationIntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    ApplicationEvents events;

    @Test
    void tellsOfANewProductAndOfANewPriceButNotOfAnUpsertChangingOnlyItsStockNorOfAnOlderOne() {
        ProductUpserted kettle = product(UUID.randomUUID(), "Kettle", freshCategory("kitchen"), "29.00", 5);
        ProductUpserted restocked = restocked(kettle, 8);
        ProductUpserted repriced = repriced(restocked, "24.00");

        catalog.apply(kettle);
        catalog.apply(restocked);
        catalog.apply(repriced);
        catalog.apply(restocked);

        assertThat(listingChangesOf(kettle.productId())).isEqualTo(2);
    }

    @Test
    void tellsOfANewMarginButNotOfTheSameOneSetAgain() {
        ProductUpserted kettle = product(UUID.randomUUID(), "Kettle", freshCategory("kitchen"), "29.00", 5);
        catalog.apply(kettle);

        catalog.updateMargin(kettle.productId(), new BigDecimal("9.50"));
        catalog.updateMargin(kettle.productId(), new BigDecimal("9.5"));

        // the product's arrival, and its margin once
        assertThat(listingChangesOf(kettle.productId())).isEqualTo(2);
    }

    private long listingChangesOf(UUID productId) {
        return events.stream(ProductListingChanged.class)
                .filter(change -> change.productId().equals(productId))
                .count();
    }
}
