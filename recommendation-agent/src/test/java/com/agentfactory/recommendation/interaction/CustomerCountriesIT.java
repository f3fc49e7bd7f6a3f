package com.agentfactory.recommendation.interaction;

import static com.agentfactory.recommendation.support.CommerceEventMother.customer;
import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CustomerCountriesIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    InteractionService interactions;

    @Autowired
    ModelService models;

    @Test
    void keepsTheCustomersCountryAndTrendsWhatSellsThereFirst() {
        String country = "Testland-" + UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID beret = UUID.randomUUID();
        storefront.publish(product(beret, "Beret", freshCategory("hats"), "12.00", 5));
        storefront.publish(customer(buyer, country));
        for (int i = 0; i < 4; i++) {
            storefront.publish(order(buyer, beret));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(interactions.countryOf(buyer)).isEqualTo(country);
            assertThat(models.retrain().trending().top(country, Set.of(), 1))
                    .extracting(ScoredItem::itemId)
                    .containsExactly(beret.toString());
        });
    }
}
