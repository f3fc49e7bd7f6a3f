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
    void keepsTheSpendInTheCurrencyOfTheEarliestOrderWhicheverOrderArrivesFirst() {
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(
                customer(id, "late@shop.example", freshCountry(), T0), order(id, "9000", "JPY", T0.plusSeconds(600)));
        commerce.publishAndWait(order(id, "30.00", T0.plusSeconds(60)));

        Map<String, Object> row =
                jdbc.queryForMap("SELECT total_spent, spend_currency FROM customers WHERE customer_id = ?", id);
        assertThat(row.get("spend_currency")).isEqualTo("GBP");
        assertThat((java.math.BigDecimal) row.get("total_spent")).isEqualByComparingTo("30.00");
    }

    @Test
    void aGbpThresholdNeverMatchesACustomerWhoPaidInJpyNorAJpyThresholdOneWhoPaidInGbp() {
        String country = freshCountry();
        UUID paidInGbp = UUID.randomUUID();
        UUID paidInJpy = UUID.randomUUID();
        commerce.publishAndWait(
                customer(paidInGbp, "pounds@shop.example", country, T0),
                order(paidInGbp, "600.00", "GBP", T0.plusSeconds(1)),
                customer(paidInJpy, "yen@shop.example", country, T0),
                order(paidInJpy, "60000", "JPY", T0.plusSeconds(2)));

        assertThat(members(country, money("gt", 500, "GBP"))).containsExactly(paidInGbp);
        assertThat(members(country, money("gt", 500, "JPY"))).containsExactly(paidInJpy);
        // as bare numbers 600 and 60000 are both under 100000 and 600 is under 1000: neither counts across currencies
        assertThat(members(country, money("lt", 100000, "GBP"))).containsExactly(paidInGbp);
        assertThat(members(country, money("lt", 1000, "JPY"))).isEmpty();
        assertThat(members(country, money("between", List.of(0, 1000), "GBP"))).containsExactly(paidInGbp);
        assertThat(members(country, money("ne", 600, "JPY"))).containsExactly(paidInJpy);
        assertThat(members(country, money("eq", 60000, "JPY"))).containsExactly(paidInJpy);
        assertThat(members(country, money("gt", 0, "EUR"))).isEmpty();
    }

    @Test
    void comparesACustomerWhoPaidInTwoCurrenciesInEachOnWhatTheyPaidInIt() {
        String country = freshCountry();
        UUID both = UUID.randomUUID();
        UUID cancelledTheirGbpOrder = UUID.randomUUID();
        UUID gbpOrder = UUID.randomUUID();
        commerce.publishAndWait(
                customer(both, "both@shop.example", country, T0),
                order(both, "100", "JPY", T0.plusSeconds(1)),
                order(both, "600.00", "GBP", T0.plusSeconds(2)),
                order(both, "50.00", "GBP", T0.plusSeconds(3)),
                customer(cancelledTheirGbpOrder, "cancelled@shop.example", country, T0),
                order(gbpOrder, cancelledTheirGbpOrder, "700.00", T0.plusSeconds(4)),
                cancellation(gbpOrder, cancelledTheirGbpOrder, "700.00", T0.plusSeconds(5)));

        assertThat(members(country, money("gt", 500, "GBP"))).containsExactly(both);
        assertThat(members(country, money("eq", 650, "GBP"))).containsExactly(both);
        assertThat(members(country, money("eq", 100, "JPY"))).containsExactly(both);
        assertThat(members(country, money("gt", 500, "JPY"))).isEmpty();
        assertThat(members(country, money("lt", 1, "GBP")))
                .as("spend is net of cancellations")
                .containsExactly(cancelledTheirGbpOrder);
    }

    @Test
    void refusesAMoneyConditionWithoutACurrencyWith400NamingIt() {
        String name = "Big spenders " + UUID.randomUUID();
        Map<String, Object> withoutCurrency = Map.of(
                "and",
                List.of(
                        Map.of("field", "country", "op", "eq", "value", "United Kingdom"),
                        Map.of("field", "total_spent", "op", "gt", "value", 500)));

        Response preview = api.post("/api/v1/campaigns/segments/preview", Map.of("rules", withoutCurrency));
        Response create = api.post("/api/v1/campaigns/segments", Map.of("name", name, "rules", withoutCurrency));
        Response notAnIsoCode = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of("rules", Map.of("field", "total_spent", "op", "gt", "value", 500, "currency", "pounds")));

        for (Response refused : List.of(preview, create, notAnIsoCode)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(preview.errorFields()).containsExactly("rules.and[1].currency");
        assertThat(preview.body().at("/errors/0/message").asString())
                .isEqualTo("is required for total_spent: the ISO 4217 code of the amount, such as GBP");
        assertThat(create.errorFields()).containsExactly("rules.and[1].currency");
        assertThat(notAnIsoCode.errorFields()).containsExactly("rules.currency");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segments WHERE name = ?", Long.class, name))
                .isZero();
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
                                        Map.of("field", "total_spent", "op", "gt", "value", 100, "currency", "GBP"))),
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
    void sizesASavedSegmentWithAMoneyConditionInItsCurrency() {
        String country = freshCountry();
        UUID paidInGbp = UUID.randomUUID();
        UUID paidInJpy = UUID.randomUUID();
        commerce.publishAndWait(
                customer(paidInGbp, "saved-pounds@shop.example", country, T0),
                order(paidInGbp, "750.00", T0.plusSeconds(1)),
                customer(paidInJpy, "saved-yen@shop.example", country, T0),
                order(paidInJpy, "75000", "JPY", T0.plusSeconds(2)));

        Response created = api.post(
                "/api/v1/campaigns/segments",
                Map.of("name", "GBP big spenders of " + country, "rules", inCountry(country, money("gt", 500, "GBP"))));
        Response size = api.get("/api/v1/campaigns/segments/" + created.text("/id") + "/preview");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/rules/and/1/currency")).isEqualTo("GBP");
        assertThat(size.body().path("count").asLong()).isEqualTo(1);
        assertThat(size.body().at("/sample_customer_ids/0").asString()).isEqualTo(paidInGbp.toString());
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

    private static Map<String, Object> money(String op, Object value, String currency) {
        return Map.of("field", "total_spent", "op", op, "value", value, "currency", currency);
    }

    private static Map<String, Object> inCountry(String country, Map<String, Object> condition) {
        return Map.of("and", List.of(Map.of("field", "country", "op", "eq", "value", country), condition));
    }

    /** The customers of the country the condition matches, in id order. */
    private List<UUID> members(String country, Map<String, Object> condition) {
        Response preview = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of("rules", inCountry(country, condition), "sample_size", 100));
        assertThat(preview.status()).as("%s", preview.body()).isEqualTo(200);
        List<UUID> members = new ArrayList<>();
        preview.body().path("sample_customer_ids").forEach(node -> members.add(UUID.fromString(node.asString())));
        assertThat(preview.body().path("count").asLong()).isEqualTo(members.size());
        return members;
    }
}
