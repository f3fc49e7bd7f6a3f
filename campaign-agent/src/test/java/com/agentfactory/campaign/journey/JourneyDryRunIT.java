package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class JourneyDryRunIT extends CampaignIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void walksEachMemberOfTheTriggerSegmentThroughTheBranchesTheirFactsChoose() {
        String country = CustomerMother.freshCountry();
        UUID buyer = CustomerMother.knownCustomer(commerce, country);
        UUID browser = CustomerMother.knownCustomer(commerce, country);
        commerce.publishAndWait(CustomerMother.order(buyer, "120.00", Instant.now()));
        String segment = JourneyMother.countrySegment(api, "Dry run", country);
        String journey = create(Map.of(
                "name", "Loyalty " + UUID.randomUUID(),
                "trigger", Map.of("type", "segment_entry", "segment_id", segment),
                "steps",
                        List.of(
                                Map.of(
                                        "id",
                                        "rank",
                                        "type",
                                        "score",
                                        "min_score",
                                        20,
                                        "if_true",
                                        "vip",
                                        "if_false",
                                        "later"),
                                Map.of("id", "vip", "type", "email", "template", "vip_offer", "next", "done"),
                                Map.of("id", "later", "type", "wait", "duration", "1 day"),
                                Map.of("id", "nudge", "type", "sms", "template", "nudge"),
                                Map.of("id", "done", "type", "end", "reason", "offered"))));

        Response dryRun = api.post("/api/v1/campaigns/journeys/" + journey + "/dry-run", Map.of());

        assertThat(dryRun.status()).as(String.valueOf(dryRun.body())).isEqualTo(200);
        assertThat(dryRun.body().path("candidates").asLong()).isEqualTo(2);
        JsonNode buyerPath = pathOf(dryRun, buyer);
        assertThat(buyerPath.path("enters").asBoolean()).isTrue();
        assertThat(stepIds(buyerPath)).containsExactly("rank", "vip", "done");
        assertThat(buyerPath.at("/steps/1/outcome").asString()).isEqualTo("sends email template vip_offer");
        JsonNode browserPath = pathOf(dryRun, browser);
        assertThat(stepIds(browserPath)).containsExactly("rank", "later", "nudge", "done");
        assertThat(browserPath.at("/steps/0/outcome").asString()).isEqualTo("score 0 is below 20");
        // a dry run enrols nobody and sends nothing
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM journey_enrolments WHERE journey_id = ?::uuid", Long.class, journey))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM sends WHERE customer_id IN (?, ?)", Long.class, buyer, browser))
                .isZero();
    }

    @Test
    void triesTheNamedCustomersOfAnEventJourneyWithTheContextTheEventWouldBring() {
        String country = CustomerMother.freshCountry();
        UUID shopper = CustomerMother.knownCustomer(commerce, country);
        UUID stranger = UUID.randomUUID();
        String journey = create(JourneyMother.abandonedCart(country, "1 hour"));

        Response bigCart = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/dry-run",
                Map.of(
                        "customer_ids",
                        List.of(shopper, stranger),
                        "context",
                        Map.of("cart_value", "80.00", "currency", "GBP")));

        assertThat(bigCart.status()).as(String.valueOf(bigCart.body())).isEqualTo(200);
        assertThat(bigCart.text("/trigger_type")).isEqualTo("event");
        assertThat(stepIds(pathOf(bigCart, shopper))).containsExactly("1", "2", "3", "no_purchase");
        assertThat(pathOf(bigCart, shopper).at("/steps/0/outcome").asString()).contains("order.placed");
        assertThat(pathOf(bigCart, stranger).path("enters").asBoolean()).isFalse();
        assertThat(pathOf(bigCart, stranger).path("reason").asString()).contains("knows");

        Response smallCart = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/dry-run",
                Map.of("customer_ids", List.of(shopper), "context", Map.of("cart_value", "10.00", "currency", "GBP")));
        assertThat(pathOf(smallCart, shopper).path("enters").asBoolean()).isFalse();
        assertThat(pathOf(smallCart, shopper).path("reason").asString()).contains("conditions");
    }

    @Test
    void refusesAnEventJourneyWithoutCustomersAnUnknownJourneyAndTooManyCustomers() {
        String journey = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));

        Response noCustomers = api.post("/api/v1/campaigns/journeys/" + journey + "/dry-run", Map.of());
        assertThat(noCustomers.status()).isEqualTo(422);
        assertThat(noCustomers.errorFields()).containsExactly("customer_ids");

        assertThat(api.post("/api/v1/campaigns/journeys/" + UUID.randomUUID() + "/dry-run", Map.of())
                        .status())
                .isEqualTo(404);
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(UUID.randomUUID());
        }
        Response refused =
                api.post("/api/v1/campaigns/journeys/" + journey + "/dry-run", Map.of("customer_ids", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("customer_ids");
    }

    @Test
    void givesUpOnATriggerSegmentThatCannotBeCountedInAPreviewsTime() throws Exception {
        String country = CustomerMother.freshCountry();
        CustomerMother.knownCustomer(commerce, country);
        String segment = JourneyMother.countrySegment(api, "Dry run", country);
        String journey = create(Map.of(
                "name", "Slow " + UUID.randomUUID(),
                "trigger", Map.of("type", "segment_entry", "segment_id", segment),
                "steps", List.of(Map.of("id", "done", "type", "end"))));

        // a statement waiting for a lock runs against its timeout as a slow one does
        CompletableFuture<Response> dryRun;
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
                dryRun = CompletableFuture.supplyAsync(
                        () -> api.post("/api/v1/campaigns/journeys/" + journey + "/dry-run", Map.of()));
                await().atMost(Duration.ofSeconds(30)).until(dryRun::isDone);
            } finally {
                locker.rollback();
            }
        }

        assertThat(dryRun.get().status()).isEqualTo(503);
    }

    private String create(Map<String, Object> definition) {
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.text("/id");
    }

    private static JsonNode pathOf(Response dryRun, UUID customer) {
        for (JsonNode path : dryRun.body().path("customers")) {
            if (path.path("customer_id").asString().equals(customer.toString())) {
                return path;
            }
        }
        throw new AssertionError("no path for " + customer + " in " + dryRun.body());
    }

    private static List<String> stepIds(JsonNode path) {
        List<String> ids = new ArrayList<>();
        path.path("steps").forEach(step -> ids.add(step.path("step_id").asString()));
        return ids;
    }
}
