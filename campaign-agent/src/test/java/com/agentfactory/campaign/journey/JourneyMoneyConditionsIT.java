package com.agentfactory.campaign.journey;

import static com.agentfactory.campaign.support.JourneyMother.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Journeys compare money only with money in the currency their condition names, and score spend in one currency: a
 * customer paying in yen is never measured against an amount in pounds, however large their figures are.
 */
class JourneyMoneyConditionsIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aSpendConditionInPoundsDoesNotMatchACustomerWhoPaidInYen() {
        String country = CustomerMother.freshCountry();
        UUID paidInPounds = customerWhoPaid(country, "750.00", "GBP");
        UUID paidInYen = customerWhoPaid(country, "75000", "JPY");
        UUID inPounds = JourneyMother.createActive(
                api, JourneyMother.decidingOn(country, money("total_spent", "gt", 500, "GBP")));
        UUID inYen = JourneyMother.createActive(
                api, JourneyMother.decidingOn(country, money("total_spent", "gt", 50000, "JPY")));

        for (UUID journey : List.of(inPounds, inYen)) {
            for (UUID customer : List.of(paidInPounds, paidInYen)) {
                assertThat(enrol(journey, customer).status()).isEqualTo(201);
            }
        }

        assertThat(outcome(inPounds, paidInPounds)).isEqualTo("holds");
        assertThat(outcome(inPounds, paidInYen))
                .as("75,000 yen are not more than 500 pounds: yen are never compared with pounds")
                .isEqualTo("does not hold");
        assertThat(outcome(inYen, paidInYen)).isEqualTo("holds");
        assertThat(outcome(inYen, paidInPounds))
                .as("750 pounds are not less than 50,000 yen either: they are not compared at all")
                .isEqualTo("does not hold");
    }

    @Test
    void comparesACustomerWhoPaidInTwoCurrenciesOnWhatTheyPaidInTheNamedOne() {
        String country = CustomerMother.freshCountry();
        UUID customer = customerWhoPaid(country, "40.00", "GBP");
        commerce.publishAndWait(CustomerMother.order(customer, "90000", "JPY", Instant.now()));
        UUID overFifty = JourneyMother.createActive(
                api, JourneyMother.decidingOn(country, money("total_spent", "gt", 50, "GBP")));
        UUID underFifty = JourneyMother.createActive(
                api, JourneyMother.decidingOn(country, money("total_spent", "lt", 50, "GBP")));

        assertThat(enrol(overFifty, customer).status()).isEqualTo(201);
        assertThat(enrol(underFifty, customer).status()).isEqualTo(201);

        assertThat(outcome(overFifty, customer)).isEqualTo("does not hold");
        assertThat(outcome(underFifty, customer)).isEqualTo("holds");
    }

    @Test
    void aCartOverFiftyPoundsDoesNotStartTheJourneyForACartOfFiftyThousandYen() {
        String country = CustomerMother.freshCountry();
        UUID yenCart = customer(country);
        UUID poundCart = customer(country);
        UUID journey = JourneyMother.createActive(api, JourneyMother.abandonedCart(country, "1 hour"));

        // applied by the time it returns, trigger conditions and all
        commerce.publishAndWait(JourneyMother.cart(yenCart, "50000", "JPY", Instant.now()));
        commerce.publishAndWait(JourneyMother.cart(poundCart, "80.00", Instant.now()));

        assertThat(enrolmentOf(journey, yenCart))
                .as("a cart in yen is no cart over 50 pounds")
                .isNull();
        assertThat(enrolmentOf(journey, poundCart)).isNotNull();
    }

    @Test
    void refusesAMoneyConditionWithoutItsCurrencyWith400NamingTheField() {
        Map<String, Object> journey = new HashMap<>(JourneyMother.decidingOn(
                CustomerMother.freshCountry(), Map.of("field", "total_spent", "operator", "gt", "value", 500)));
        journey.put(
                "trigger",
                Map.of(
                        "type",
                        "event",
                        "event",
                        "cart.abandoned",
                        "conditions",
                        List.of(Map.of("field", "cart_value", "operator", "gt", "value", 50, "currency", "pounds"))));

        Response refused = api.post("/api/v1/campaigns/journeys", journey);

        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields())
                .containsExactlyInAnyOrder("trigger.conditions[0].currency", "steps[0].currency");
        assertThat(errorAbout(refused, "steps[0].currency"))
                .contains("required")
                .contains("ISO 4217");
        assertThat(errorAbout(refused, "trigger.conditions[0].currency")).contains("ISO 4217");
    }

    @Test
    void theEngagementScoreDoesNotLetAYenCustomersLargerNumberBeatAPoundCustomers() {
        String country = CustomerMother.freshCountry();
        UUID paidInPounds = customerWhoPaid(country, "300.00", "GBP");
        UUID paidInYen = customerWhoPaid(country, "30000", "JPY");
        UUID journey = JourneyMother.createActive(api, JourneyMother.scoring(country, 50));

        Response dryRun = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/dry-run",
                Map.of("customer_ids", List.of(paidInPounds, paidInYen)));
        assertThat(dryRun.status()).as(String.valueOf(dryRun.body())).isEqualTo(200);
        int pounds = score(dryRun, paidInPounds);
        int yen = score(dryRun, paidInYen);
        assertThat(pounds).as("an order and a point a 10 pounds").isEqualTo(50);
        assertThat(yen)
                .as("30,000 yen are worth less than 300 pounds, whatever the larger number")
                .isLessThan(pounds)
                .isGreaterThan(20);

        assertThat(enrol(journey, paidInPounds).status()).isEqualTo(201);
        assertThat(enrol(journey, paidInYen).status()).isEqualTo(201);
        assertThat(outcome(journey, paidInPounds)).isEqualTo("holds");
        assertThat(outcome(journey, paidInYen)).isEqualTo("does not hold");
    }

    private UUID customer(String country) {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(CustomerMother.customer(customer, customer + "@example.test", country, Instant.now()));
        return customer;
    }

    private UUID customerWhoPaid(String country, String amount, String currency) {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(
                CustomerMother.customer(customer, customer + "@example.test", country, Instant.now()),
                CustomerMother.order(customer, amount, currency, Instant.now()));
        return customer;
    }

    private Response enrol(UUID journey, UUID customer) {
        return api.post("/api/v1/campaigns/journeys/" + journey + "/enrolments", Map.of("customer_id", customer));
    }

    /** The reason the customer's enrolment ended with, once it has: which branch the journey's step took. */
    private String outcome(UUID journey, UUID customer) {
        await().atMost(PATIENCE).until(() -> {
            JsonNode enrolment = enrolmentOf(journey, customer);
            return enrolment != null
                    && "completed".equals(enrolment.path("status").asString());
        });
        return enrolmentOf(journey, customer).path("end_reason").asString();
    }

    private JsonNode enrolmentOf(UUID journey, UUID customer) {
        for (JsonNode enrolment : api.get("/api/v1/campaigns/journeys/" + journey + "/enrolments?limit=100")
                .body()
                .path("items")) {
            if (enrolment.path("customer_id").asString().equals(customer.toString())) {
                return enrolment;
            }
        }
        return null;
    }

    private static int score(Response dryRun, UUID customer) {
        for (JsonNode path : dryRun.body().path("customers")) {
            if (path.path("customer_id").asString().equals(customer.toString())) {
                // "score 50 reaches 50" or "score 35 is below 50"
                return Integer.parseInt(path.at("/steps/0/outcome").asString().split(" ")[1]);
            }
        }
        throw new AssertionError("no path for " + customer + " in " + dryRun.body());
    }

    private static String errorAbout(Response refused, String field) {
        for (JsonNode error : refused.body().path("errors")) {
            if (field.equals(error.path("field").asString())) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error about " + field + " in " + refused.body());
    }
}
