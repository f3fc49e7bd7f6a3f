package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migration that gave stored journeys' money conditions their currency, run again over journeys stored the way
 * they were before it, in a transaction that is rolled back: the database the other tests use keeps what it had.
 */
class JourneyMoneyConditionsMigrationIT extends CampaignIntegrationTest {

    private static final String MIGRATION = "db/migration/campaign/V15__currency_on_journey_money_conditions.sql";

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void givesStoredMoneyConditionsTheShopsCurrencySoTheJourneysKeepWorking() throws IOException {
        String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        // as JourneyDefinitions wrote them before conditions named currencies
        String bareAmounts = """
                {"name":"Big carts %s","trigger":{"type":"event","event":"cart.abandoned","conditions":[\
                {"field":"country","operator":"eq","value":"United Kingdom"},\
                {"field":"cart_value","operator":"gt","value":50}]},\
                "steps":[{"id":"big","type":"condition","field":"total_spent","operator":"gte","value":99.50,\
                "if_true":"vip","if_false":"named"},\
                {"id":"named","type":"condition","check":"has_email","if_true":"done","if_false":"done"},\
                {"id":"vip","type":"email","template":"vip_offer"},\
                {"id":"done","type":"end","reason":"done"}]}""".formatted(UUID.randomUUID());
        String noMoney = """
                {"name":"Frequent %s","trigger":{"type":"event","event":"cart.abandoned","conditions":[]},\
                "steps":[{"id":"often","type":"condition","field":"order_count","operator":"gt","value":2,\
                "if_true":"done","if_false":"done"},{"id":"done","type":"end"}]}""".formatted(UUID.randomUUID());
        UUID withMoney = UUID.randomUUID();
        UUID withoutMoney = UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            store(withMoney, bareAmounts);
            store(withoutMoney, noMoney);
            String shopCurrency = jdbc.queryForObject("""
                    SELECT coalesce((SELECT currency FROM customer_orders GROUP BY currency
                                     ORDER BY count(*) DESC, currency LIMIT 1), 'GBP')
                    """, String.class);

            jdbc.execute(script);

            JourneyDefinition migrated =
                    JourneyDefinitions.fromStored(definitionOf(withMoney)).definition();
            assertThat(migrated.trigger().conditions())
                    .extracting(FieldCheck::field, FieldCheck::currency)
                    .containsExactly(tuple("country", null), tuple("cart_value", shopCurrency));
            assertThat(migrated.steps())
                    .extracting(JourneyStep::id, JourneyStep::currency)
                    .containsExactly(
                            tuple("big", shopCurrency), tuple("named", null), tuple("vip", null), tuple("done", null));
            assertThat(definitionOf(withMoney))
                    .as("the amount is kept as it was written")
                    .contains("99.50");
            assertThat(JourneyValidator.validate(migrated).errors())
                    .as("the migrated journey passes the validator as a new one with its currency does")
                    .isEmpty();
            assertThat(definitionOf(withoutMoney))
                    .as("a journey without money is left as stored")
                    .isEqualTo(noMoney);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM pg_proc WHERE proname LIKE 'journey%in_currency'", Long.class))
                    .as("the migration's helpers do not outlive it")
                    .isZero();
        });
    }

    private void store(UUID id, String definition) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO journeys (id, name, definition, trigger_type, trigger_event, active, created_by,
                                      created_at, updated_at, version)
                VALUES (?, ?, ?, 'event', 'cart.abandoned', false, 'test', ?, ?, 0)
                """, id, "Stored before currencies " + id, definition, now, now);
    }

    private String definitionOf(UUID id) {
        return jdbc.queryForObject("SELECT definition FROM journeys WHERE id = ?", String.class, id);
    }
}
