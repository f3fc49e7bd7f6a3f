package com.agentfactory.campaign.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RevenueIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void attributesToAJourneyTheOrdersPlacedWithinTheWindowAfterItsDeliveredSendNetOfCancellations() {
        UUID customer = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, customer, customer + "@example.test");
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");
        UUID untouched = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, untouched, untouched + "@example.test");

        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE).until(() -> !sentAt(journey, customer).isEmpty());
        Instant sent = sentAt(journey, customer).getFirst().toInstant();

        UUID cancelledInPart = UUID.randomUUID();
        UUID cancelledWholly = UUID.randomUUID();
        commerce.publishAndWait(
                CustomerMother.order(customer, "500.00", sent.minus(Duration.ofHours(1))),
                CustomerMother.order(customer, "80.00", sent.plus(Duration.ofMinutes(5))),
                CustomerMother.order(cancelledInPart, customer, "20.00", sent.plus(Duration.ofHours(2))),
                CustomerMother.cancellation(cancelledInPart, customer, "5.00", sent.plus(Duration.ofHours(3))),
                CustomerMother.order(cancelledWholly, customer, "40.00", sent.plus(Duration.ofHours(4))),
                CustomerMother.cancellation(cancelledWholly, customer, "40.00", sent.plus(Duration.ofHours(5))),
                euroOrder(customer, "30.50", sent.plus(Duration.ofDays(1))),
                CustomerMother.order(customer, "70.00", sent.plus(Duration.ofDays(8))),
                CustomerMother.order(untouched, "999.00", sent.plus(Duration.ofMinutes(5))));

        JsonNode kpis =
                api.get("/api/v1/campaigns/journeys/" + journey + "/kpis").body();

        assertThat(kpis.path("attributed_orders").asLong())
                .as("the 80, the partly cancelled 20 and the euro order; not the one before the send, the wholly "
                        + "cancelled one, the one after the seven-day window or another customer's")
                .isEqualTo(3);
        assertThat(kpis.path("revenue")).hasSize(2);
        assertThat(kpis.at("/revenue/0/currency").asString()).isEqualTo("EUR");
        assertThat(kpis.at("/revenue/0/amount").decimalValue()).isEqualByComparingTo("30.50");
        assertThat(kpis.at("/revenue/1/currency").asString()).isEqualTo("GBP");
        assertThat(kpis.at("/revenue/1/amount").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(kpis.path("converted").asLong()).isEqualTo(1);
    }

    @Test
    void reportsRevenueInACurrencyTheJdkDoesNotKnowWithTwoDecimals() {
        UUID customer = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, customer, customer + "@example.test");
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");
        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE).until(() -> !sentAt(journey, customer).isEmpty());
        Instant sent = sentAt(journey, customer).getFirst().toInstant();

        // a well-formed code the JDK has no entry for, as a shop may send for a new or local currency
        commerce.publishAndWait(order(customer, "ZZZ", "12.345", sent.plus(Duration.ofMinutes(5))));

        Response response = api.get("/api/v1/campaigns/journeys/" + journey + "/kpis");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/revenue/0/currency").asString()).isEqualTo("ZZZ");
        assertThat(response.body().at("/revenue/0/amount").decimalValue()).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void reportsNoRevenueForAJourneyThatDeliveredNothing() {
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");

        JsonNode kpis =
                api.get("/api/v1/campaigns/journeys/" + journey + "/kpis").body();

        assertThat(kpis.path("attributed_orders").asLong()).isZero();
        assertThat(kpis.path("revenue").isArray()).isTrue();
        assertThat(kpis.path("revenue")).isEmpty();
    }

    private List<Timestamp> sentAt(UUID journey, UUID customer) {
        return jdbc.queryForList(
                "SELECT sent_at FROM sends WHERE journey_id = ? AND customer_id = ? AND status = 'sent'",
                Timestamp.class,
                journey,
                customer);
    }

    private static OrderPlaced euroOrder(UUID customer, String amount, Instant at) {
        return order(customer, "EUR", amount, at);
    }

    private static OrderPlaced order(UUID customer, String currency, String amount, Instant at) {
        UUID order = UUID.randomUUID();
        return new OrderPlaced(
                UUID.randomUUID(),
                at,
                order,
                "O-" + order.toString().substring(0, 8),
                customer,
                "FR",
                currency,
                List.of(new OrderLine(UUID.randomUUID(), "SKU-1", 1, new BigDecimal(amount))));
    }
}
