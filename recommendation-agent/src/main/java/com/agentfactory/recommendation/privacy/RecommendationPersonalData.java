package com.agentfactory.recommendation.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.recommendation.interaction.UserBehaviourChanged;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's interactions (what they viewed, carted and bought), their abandoned cart and their country. An
 * erasure deletes them all and drops the customer's cached lists, which show what they bought and left in their cart;
 * the models trained on them lose the customer at their next training.
 */
@Component
class RecommendationPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    RecommendationPersonalData(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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
        long erased = jdbc.update("DELETE FROM interactions WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM abandoned_carts WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM customer_countries WHERE customer_id = ?", customerId);
        events.publishEvent(new UserBehaviourChanged(customerId));
        return erased;
    }
}
