package com.agentfactory.campaign.segment;

import static com.agentfactory.campaign.support.CustomerMother.cancellation;
import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static com.agentfactory.campaign.support.CustomerMother.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SegmentsIT extends CampaignIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void keepsCustomersOrdersAndSpendFromCommerceEvents() {
        UUID id = UUID.randomUUID();
        UUID firstOrder = UUID.randomUUID();
        String country = freshCountry();

        commerce.publishAndWait(
                customer(id, "ada@example.org", country, T0),
                order(firstOrder, id, "40.00", T0.plusSeconds(60)),
                order(id, "25.50", T0.plusSeconds(120)),
                cancellation(firstOrder, id, "40.00", T0.plusSeconds(180)),
                customer(id, "old@example.org", "Elsewhere", T0.minusSeconds(600)));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT email, country, order_count, total_spent, spend_currency, last_order_at FROM customers"
                        + " WHERE customer_id = ?",
                id);
        assertThat(row.get("email")).as("a late, older profile does not win").isEqualTo("ada@example.org");
        assertThat(row.get("country")).isEqualTo(country);
        assertThat(row.get("order_count")).isEqualTo(1);
        assertThat((java.math.BigDecimal) row.get("total_spent")).isEqualByComparingTo("25.50");
        assertThat(row.get("spend_currency")).isEqualTo("GBP");
        assertThat(((java.sql.Timestamp) row.get("last_order_at")).toInstant()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void answersServiceUnavailableWhenAPreviewRunsPastItsTimeout() throws SQLException {
        // a preview can be made slow only by the table it reads: held locked, the count waits out the timeout
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");

                Response preview = api.post(
                        "/api/v1/campaigns/segments/preview",
                        Map.of("rules", Map.of("field", "order_count", "op", "gt", "value", 2)));

                assertThat(preview.status()).isEqualTo(503);
                assertThat(preview.contentType()).contains("application/problem+json");
                assertThat(preview.text("/detail"))
                        .isEqualTo("The segment preview took longer than 5 seconds; try a narrower rule, or again"
                                + " later.");
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void previewsTheSizeOfASegmentWithASampleOfIds() {
        String country = freshCountry();
        List<UUID> buyers = new ArrayList<>();
        List<CommerceEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            buyers.add(id);
            events.add(customer(id, "buyer" + i + "@shop.example", country, T0));
            events.add(order(id, "120.00", T0.plusSeconds(i)));
        }
        events.add(customer(UUID.randomUUID(), "browser@shop.example", country, T0));
        commerce.publishAndWait(events.toArray(CommerceEvent[]::new));

        Response preview = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of(
                        "rules",
                        Map.of(
                                "and",
                                List.of(
                                        Map.of("field", "country", "op", "eq", "value", country),
                                        Map.of("field", "total_spent", "op", "gt", "value", 100))),
                        "sample_size",
                        2));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("count").asLong()).isEqualTo(3);
        List<String> sample = new ArrayList<>();
        preview.body().path("sample_customer_ids").forEach(node -> sample.add(node.asString()));
        assertThat(sample)
                .hasSize(2)
                .isSubsetOf(buyers.stream().map(UUID::toString).toList())
                .isSorted();
    }

    @Test
    void rejectsABadRuleWith422NamingTheRulePath() {
        Response rejected = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of(
                        "rules",
                        Map.of(
                                "and",
                                List.of(
                                        Map.of("field", "country", "op", "eq", "value", "GB"),
                                        Map.of("field", "ssn", "op", "eq", "value", "x"),
                                        Map.of("field", "order_count", "op", "gt", "value", "many")))));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).contains("application/problem+json");
        assertThat(rejected.errorFields()).containsExactly("rules.and[1].field", "rules.and[2].value");
    }

    @Test
    void bindsInjectionAttemptsAsPlainValuesOnTheRealDatabase() {
        String country = freshCountry();
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(customer(id, "victim@shop.example", country, T0));
        long customersBefore = jdbc.queryForObject("SELECT count(*) FROM customers", Long.class);

        for (String attack : List.of(
                "' OR '1'='1",
                "x'; DROP TABLE customers; --",
                "' UNION SELECT customer_id FROM customers --",
                "$$; DELETE FROM customers; $$")) {
            Response preview = api.post(
                    "/api/v1/campaigns/segments/preview",
                    Map.of(
                            "rules",
                            Map.of(
                                    "or",
                                    List.of(
                                            Map.of("field", "country", "op", "eq", "value", attack),
                                            Map.of("field", "email", "op", "contains", "value", attack)))));
            assertThat(preview.status()).as(attack).isEqualTo(200);
            assertThat(preview.body().path("count").asLong()).as(attack).isZero();
        }
        Response wildcard = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of("rules", Map.of("field", "email", "op", "contains", "value", "%")));

        assertThat(wildcard.body().path("count").asLong())
                .as("% is a character, not a wildcard")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers", Long.class))
                .isGreaterThanOrEqualTo(customersBefore);
    }

    @Test
    void savesASegmentAndSizesItLater() {
        String country = freshCountry();
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(customer(id, "saved@shop.example", country, T0));
        String name = "Customers of " + country;
        Map<String, Object> rules = Map.of("field", "country", "op", "in", "value", List.of(country, "Nowhere"));

        Response created = api.post(
                "/api/v1/campaigns/segments", Map.of("name", name, "description", "test segment", "rules", rules));
        Response duplicate = api.post("/api/v1/campaigns/segments", Map.of("name", name.toUpperCase(), "rules", rules));
        Response fetched = api.get("/api/v1/campaigns/segments/" + created.text("/id"));
        Response size = api.get("/api/v1/campaigns/segments/" + created.text("/id") + "/preview");
        Response listed = api.get("/api/v1/campaigns/segments?limit=5");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/created_by")).isEqualTo("test-user");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(fetched.text("/rules/value/0")).isEqualTo(country);
        assertThat(size.body().path("count").asLong()).isEqualTo(1);
        assertThat(size.body().at("/sample_customer_ids/0").asString()).isEqualTo(id.toString());
        assertThat(listed.body().path("items").size()).isBetween(1, 5);
        assertThat(listed.body().at("/pagination/total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/segments/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }
}
