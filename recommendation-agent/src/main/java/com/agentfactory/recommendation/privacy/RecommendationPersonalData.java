package com.agentfactory.recommendation.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.recommendation.interaction.ErasedCustomers;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's interactions (what they viewed, carted and bought), their abandoned cart and their country. An
 * erasure deletes them all, marks the customer erased so their events read after it record nothing, and has the
 * customer's cached lists, which show what they bought and left in their cart, dropped ({@link CustomerErased}): it
 * commits, and is reported done, whether Redis answers or not. The models trained on them lose the customer at their
 * next training.
 */
@Component
class RecommendationPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final ErasedCustomers erasedCustomers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecommendationPersonalData(
            JdbcTemplate jdbc, ErasedCustomers erasedCustomers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.erasedCustomers = erasedCustomers;
        this.events = events;
        this.clock = clock;
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
        // first, so an event of the customer being recorded now is either deleted below or finds them erased
        erasedCustomers.markErased(customerId, clock.instant());
        long erased = jdbc.update("DELETE FROM interactions WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM abandoned_carts WHERE user_id = ?", customerId)
                + jdbc.update("DELETE FROM customer_countries WHERE customer_id = ?", customerId);
        events.publishEvent(new CustomerErased(customerId));
        return erased;
    }
}
