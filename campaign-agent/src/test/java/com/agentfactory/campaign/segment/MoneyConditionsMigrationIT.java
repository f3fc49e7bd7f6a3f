package com.agentfactory.campaign.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migration that gave saved money conditions their currency, run again over rules saved the way they were before
 * it, in a transaction that is rolled back: the database the other tests use keeps what it had.
 */
class MoneyConditionsMigrationIT extends CampaignIntegrationTest {

    private static final String MIGRATION = "db/migration/campaign/V14__currency_on_segment_money_conditions.sql";

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void givesSavedMoneyConditionsTheShopsCurrencySoTheyKeepWorking() throws IOException {
        String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        String bareAmount = """
                {"and":[{"field":"country","op":"eq","value":"United Kingdom"},\
                {"or":[{"field":"total_spent","op":"gt","value":500},\
                {"field":"total_spent","op":"between","value":[10,99.50]}]}]}""";
        String noMoney = """
                {"and":[{"field":"order_count","op":"gt","value":2},{"field":"country","op":"in","value":["France"]}]}""";
        UUID withMoney = UUID.randomUUID();
        UUID withoutMoney = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            saveSegment(withMoney, bareAmount);
            saveSegment(withoutMoney, noMoney);
            jdbc.update("""
                    INSERT INTO campaigns (id, name, goal, channel, segment_rule, state, created_by, created_at,
                                           updated_at, version)
                    VALUES (?, 'Old campaign', 'Bring big spenders back', 'email', ?, 'plan', 'test', ?, ?, 0)
                    """, campaign, bareAmount, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            String shopCurrency = jdbc.queryForObject("""
                    SELECT coalesce((SELECT currency FROM customer_orders GROUP BY currency
                                     ORDER BY count(*) DESC, currency LIMIT 1), 'GBP')
                    """, String.class);

            jdbc.execute(script);

            Map<String, Object> migrated = SegmentRules.fromJson(ruleOfSegment(withMoney));
            List<Map<String, Object>> moneyConditions = moneyConditions(migrated);
            assertThat(moneyConditions).hasSize(2).allSatisfy(condition -> assertThat(condition)
                    .containsEntry("currency", shopCurrency));
            assertThat(SegmentRules.compile(migrated, "rule").parameters())
                    .as("the migrated rule compiles as a new one with its currency does")
                    .contains(shopCurrency);
            assertThat(SegmentRules.fromJson(jdbc.queryForObject(
                            "SELECT segment_rule FROM campaigns WHERE id = ?", String.class, campaign)))
                    .isEqualTo(migrated);
            assertThat(ruleOfSegment(withoutMoney))
                    .as("a rule without money is left as saved")
                    .isEqualTo(noMoney);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM pg_proc WHERE proname = 'segment_rule_in_currency'", Long.class))
                    .as("the migration's helper does not outlive it")
                    .isZero();
        });
    }

    private void saveSegment(UUID id, String rule) {
        jdbc.update("""
                INSERT INTO segments (id, name, rule, created_by, created_at, version)
                VALUES (?, ?, ?, 'test', ?, 0)
                """, id, "Saved before currencies " + id, rule, Timestamp.from(Instant.now()));
    }

    private String ruleOfSegment(UUID id) {
        return jdbc.queryForObject("SELECT rule FROM segments WHERE id = ?", String.class, id);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> moneyConditions(Object rule) {
        if (!(rule instanceof Map<?, ?> map)) {
            return List.of();
        }
        Object group = map.containsKey("and") ? map.get("and") : map.get("or");
        if (group instanceof List<?> members) {
            return members.stream()
                    .flatMap(member -> moneyConditions(member).stream())
                    .toList();
        }
        return "total_spent".equals(map.get("field")) ? List.of((Map<String, Object>) map) : List.of();
    }
}
