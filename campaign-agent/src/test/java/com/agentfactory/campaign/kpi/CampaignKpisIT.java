package com.agentfactory.campaign.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.campaign.CampaignMother;
import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CampaignKpisIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TEMPLATE = "final_abandoned_cart";
    private static final String TEXT_TEMPLATE = "kpi_text_offer";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ContactPermissions permissions;

    @Test
    void countsOnlyTheSendsOpensAndOrdersOfTheCampaignsOwnJourneys() throws Exception {
        UUID campaign = newCampaign();
        UUID first = EmailJourneys.oneEmail(api, TEMPLATE, campaign);
        UUID second = EmailJourneys.oneEmail(api, TEMPLATE, campaign);
        UUID outside = EmailJourneys.oneEmail(api, TEMPLATE);
        UUID inBoth = EmailJourneys.consentingCustomer(commerce, api);
        UUID inSecond = EmailJourneys.consentingCustomer(commerce, api);
        UUID outsider = EmailJourneys.consentingCustomer(commerce, api);

        EmailJourneys.enrol(api, first, inBoth);
        EmailJourneys.enrol(api, second, inBoth);
        EmailJourneys.enrol(api, second, inSecond);
        EmailJourneys.enrol(api, outside, outsider);
        await().atMost(PATIENCE).until(() -> delivered(first) + delivered(second) + delivered(outside) == 4);

        openTheMailTo(inSecond);
        openTheMailTo(outsider);
        commerce.publishAndWait(
                CustomerMother.order(inBoth, "80.00", lastSentTo(inBoth).plus(Duration.ofMinutes(5))),
                CustomerMother.order(inSecond, "20.00", lastSentTo(inSecond).plus(Duration.ofMinutes(5))),
                CustomerMother.order(outsider, "999.00", lastSentTo(outsider).plus(Duration.ofMinutes(5))));

        Response answered = api.get("/api/v1/campaigns/" + campaign + "/kpis");

        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        JsonNode kpis = answered.body();
        assertThat(kpis.path("campaign_id").asString()).isEqualTo(campaign.toString());
        assertThat(kpis.path("journey_id").isNull()).isTrue();
        assertThat(kpis.path("journey_ids").valueStream().map(JsonNode::asString))
                .containsExactly(first.toString(), second.toString());
        assertThat(kpis.path("sent").asLong()).isEqualTo(3);
        assertThat(kpis.path("delivered").asLong()).isEqualTo(3);
        assertThat(kpis.path("opened").asLong()).isEqualTo(1);
        assertThat(kpis.at("/rates/open").asDouble()).isEqualTo(1.0 / 3);
        assertThat(kpis.path("converted").asLong()).isEqualTo(2);
        assertThat(kpis.path("attributed_orders").asLong())
                .as("the 80 (once, though both of the campaign's journeys mailed its customer) and the 20;"
                        + " not the 999 of the journey outside the campaign")
                .isEqualTo(2);
        assertThat(kpis.path("revenue")).hasSize(1);
        assertThat(kpis.at("/revenue/0/currency").asString()).isEqualTo("GBP");
        assertThat(kpis.at("/revenue/0/amount").decimalValue()).isEqualByComparingTo("100.00");

        JsonNode outsideKpis =
                api.get("/api/v1/campaigns/journeys/" + outside + "/kpis").body();
        assertThat(outsideKpis.path("journey_id").asString()).isEqualTo(outside.toString());
        assertThat(outsideKpis.path("campaign_id").isNull()).isTrue();
        assertThat(outsideKpis.path("sent").asLong()).isEqualTo(1);
        assertThat(outsideKpis.path("opened").asLong()).isEqualTo(1);
        assertThat(outsideKpis.at("/revenue/0/amount").decimalValue()).isEqualByComparingTo("999.00");
    }

    @Test
    void countsACustomerWhoRepliedStopToATextAsUnsubscribedOnceHoweverOftenTheyOptedOut() {
        api.put("/api/v1/campaigns/templates/sms/" + TEXT_TEMPLATE, Map.of("body", "Ten percent off today"));
        UUID journey = JourneyMother.createActive(api, SmsJourneys.texts(api, 1, TEXT_TEMPLATE));
        UUID repliedStop = SmsJourneys.consentingCustomer(commerce, api);
        UUID optedOutEveryWay = SmsJourneys.consentingCustomer(commerce, api);
        UUID withdrawnByStaff = SmsJourneys.consentingCustomer(commerce, api);
        UUID stayed = SmsJourneys.consentingCustomer(commerce, api);
        EmailJourneys.enrolAll(api, journey, List.of(repliedStop, optedOutEveryWay, withdrawnByStaff, stayed));
        await().atMost(PATIENCE).until(() -> delivered(journey) == 4);

        permissions.smsOptOut(repliedStop, "SMS reply STOP via test-provider (message SM1)");
        permissions.smsOptOut(optedOutEveryWay, "SMS reply STOP via test-provider (message SM2)");
        permissions.smsOptOut(optedOutEveryWay, "SMS reply QUIT via test-provider (message SM3)");
        permissions.unsubscribe(optedOutEveryWay, Channel.SMS, "one-click unsubscribe");
        Response withdrawn = api.put(
                "/api/v1/campaigns/consents/" + withdrawnByStaff,
                Map.of("consents", List.of(Map.of("channel", "sms", "granted", false, "source", "support call"))));
        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);

        JsonNode kpis =
                api.get("/api/v1/campaigns/journeys/" + journey + "/kpis").body();

        assertThat(kpis.path("delivered").asLong()).isEqualTo(4);
        assertThat(kpis.path("unsubscribed").asLong())
                .as("the two who opted out themselves, each once; not the customer whose consent staff withdrew")
                .isEqualTo(2);
    }

    @Test
    void answersZerosForACampaignWithoutJourneys() {
        UUID campaign = newCampaign();

        Response answered = api.get("/api/v1/campaigns/" + campaign + "/kpis");

        assertThat(answered.status()).isEqualTo(200);
        JsonNode kpis = answered.body();
        assertThat(kpis.path("journey_ids").isArray()).isTrue();
        assertThat(kpis.path("journey_ids")).isEmpty();
        assertThat(kpis.path("sent").asLong()).isZero();
        assertThat(kpis.path("attributed_orders").asLong()).isZero();
        assertThat(kpis.path("revenue")).isEmpty();
        assertThat(kpis.path("skipped")).isEmpty();
        assertThat(kpis.at("/rates/open").isNull()).isTrue();
    }

    @Test
    void answersNotFoundForTheKpisOfAnUnknownCampaign() {
        Response answered = api.get("/api/v1/campaigns/" + UUID.randomUUID() + "/kpis");

        assertThat(answered.status()).isEqualTo(404);
        assertThat(answered.contentType()).contains("application/problem+json");
    }

    private UUID newCampaign() {
        return CampaignMother.launched(api);
    }

    private long delivered(UUID journey) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM sends WHERE status = 'sent' AND journey_id = ?", Long.class, journey);
    }

    private Instant lastSentTo(UUID customer) {
        return jdbc.queryForObject(
                        "SELECT max(sent_at) FROM sends WHERE customer_id = ? AND status = 'sent'",
                        Timestamp.class,
                        customer)
                .toInstant();
    }

    // as the customer's mail client would: load the tracking pixel of the one e-mail they were sent
    private void openTheMailTo(UUID customer) throws Exception {
        String address = customer + "@example.test";
        await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
        List<MimeMessage> messages = Mailbox.messagesTo(address);
        assertThat(messages).hasSize(1);
        String pixel = Jsoup.parse((String) messages.getFirst().getContent())
                .select("img[width=1]")
                .attr("src");
        URI link = URI.create(pixel);
        HttpResponse<Void> opened = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port() + link.getRawPath() + "?" + link.getRawQuery()))
                        // a link followed from an e-mail reaches the agent through the gateway, as a visitor
                        .header("Authorization", "Bearer " + TestTokens.visitor())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(opened.statusCode()).isEqualTo(200);
    }
}
