package com.agentfactory.recommendation.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's interactions (what they viewed, carted and bought), their abandoned cart and their country. An
 * erasure deletes them all; the models trained on them lose the customer at their next training.
 */
@Component
class RecommendationPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    RecommendationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "interactions",
                        jdbc.queryForList(
                                "SELECT * FROM interactions WHERE user_id = ? ORDER BY occurred_at", customerId))
                .and(
                        "abandoned_carts",
                        jdbc.queryForList("SELECT * FROM abandoned_carts WHERE user_id = ?", customerId))
                .and(
                        "customer_countries",
                        jdbc.queryForList("SELECT * FROM customer_countries WHERE customer_id = ?", customerId));
    }

    @Override
    public long erase(UUID customerId) {
        return jdbc.update("DELETE FROM interactions WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM abandoned_carts WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM customer_countries WHERE customer_id = ?", customerId);
    }
}
