package com.agentfactory.recommendation.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class RecommendationPersonalDataIT extends RecommendationIntegrationTest {

    @Autowired
    RecommendationPersonalData personalData;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anErasureDropsTheCustomersCachedListsWithTheirData() {
        UUID customer = UUID.randomUUID();
        // the key the recommendation cache keeps a customer's lists under
        String cached = "recommendation:user:" + customer;
        redis.opsForHash().put(cached, "cart_recovery", "[\"the abandoned cart's products\"]");

        personalData.erase(customer);

        assertThat(redis.hasKey(cached)).isFalse();
    }
}
