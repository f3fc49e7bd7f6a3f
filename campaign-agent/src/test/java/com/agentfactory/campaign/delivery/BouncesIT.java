package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/** Hard bounces from the local SMTP server, which refuses every address in the reserved .invalid domain. */
class BouncesIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    HardBounces bounces;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void suppressesACustomerWhoseAddressTheMailServerRefusesAndSendsThemNothingMore() {
        UUID customer = UUID.randomUUID();
        String address = customer + "@mailbox.invalid";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");

        EmailJourneys.enrol(api, journey, customer);

        await().atMost(PATIENCE).until(() -> "bounced".equals(statusOfSend(journey, customer)));
        Map<String, Object> send = jdbc.queryForMap(
                "SELECT reason, attempts, sent_at FROM sends WHERE journey_id = ? AND customer_id = ?",
                journey,
                customer);
        assertThat((String) send.get("reason")).startsWith("550 5.1.2");
        assertThat(send.get("attempts")).as("a hard bounce is not retried").isEqualTo(1);
        assertThat(send.get("sent_at")).isNull();
        assertThat(Mailbox.messagesTo(address)).isEmpty();

        Response consents = api.get("/api/v1/campaigns/consents/" + customer);
        assertThat(consents.status()).isEqualTo(200);
        JsonNode suppression = consents.body().path("suppressions").get(0);
        assertThat(suppression.path("channel").asString()).isEqualTo("email");
        assertThat(suppression.path("reason").asString()).startsWith("hard bounce: 550 5.1.2");
        assertThat(suppression.path("suppressed_by").asString()).isEqualTo("bounce");

        JsonNode kpis =
                api.get("/api/v1/campaigns/journeys/" + journey + "/kpis").body();
        assertThat(kpis.path("bounced").asLong()).isEqualTo(1);
        assertThat(kpis.path("sent").asLong()).isEqualTo(1);
        assertThat(kpis.path("delivered").asLong()).isZero();
        assertThat(kpis.path("failed").asLong()).isZero();

        UUID again = EmailJourneys.oneEmail(api, "final_abandoned_cart");
        EmailJourneys.enrol(api, again, customer);
        await().atMost(PATIENCE).until(() -> "refused".equals(statusOfSend(again, customer)));
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM send_skips WHERE journey_id = ? AND customer_id = ?",
                        String.class,
                        again,
                        customer))
                .containsExactly("suppressed");
    }

    @Test
    void liftsTheBounceSuppressionWhenTheCustomerGivesANewAddressButKeepsTheirOwnUnsubscribe() {
        UUID customer = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, customer, customer + "@typo.invalid");
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");
        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE).until(() -> "bounced".equals(statusOfSend(journey, customer)));
        UUID unsubscribed = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, unsubscribed, unsubscribed + "@example.test");
        assertThat(api.put(
                                "/api/v1/campaigns/consents/" + unsubscribed + "/suppressions/email",
                                Map.of("reason", "asked us to stop"))
                        .status())
                .isEqualTo(200);

        String corrected = customer + "@example.test";
        commerce.publishAndWait(
                CustomerMother.customer(customer, corrected, "Testland", Instant.now()),
                CustomerMother.customer(
                        unsubscribed, "new-" + unsubscribed + "@example.test", "Testland", Instant.now()));

        assertThat(jdbc.queryForList("SELECT channel FROM suppressions WHERE customer_id = ?", String.class, customer))
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT channel FROM suppressions WHERE customer_id = ?", String.class, unsubscribed))
                .as("a suppression that is not a bounce is not the address's")
                .containsExactly("email");
        UUID again = EmailJourneys.oneEmail(api, "final_abandoned_cart");
        EmailJourneys.enrol(api, again, customer);
        await().atMost(PATIENCE).until(() -> "sent".equals(statusOfSend(again, customer)));
        assertThat(Mailbox.messagesTo(corrected)).hasSize(1);
    }

    @Test
    void deliversToAnOrdinaryAddressWithoutSuppressingAnybody() {
        UUID customer = UUID.randomUUID();
        String address = customer + "@example.test";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        UUID journey = EmailJourneys.oneEmail(api, "final_abandoned_cart");

        EmailJourneys.enrol(api, journey, customer);

        await().atMost(PATIENCE).until(() -> "sent".equals(statusOfSend(journey, customer)));
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT channel FROM suppressions WHERE customer_id = ?", String.class, customer))
                .isEmpty();
    }

    @Test
    void aHardBounceDuringTheCustomersErasureLeavesNoSuppressionOfThem() throws Exception {
        UUID customer = UUID.randomUUID();
        String address = customer + "@mailbox.invalid";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        // as the dispatcher holds a send to the customer when the mail server refuses the address
        ClaimedSend send = new ClaimedSend(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "mail",
                UUID.randomUUID(),
                customer,
                Channel.EMAIL.wireName(),
                "final_abandoned_cart",
                address,
                Map.of(),
                1,
                UUID.randomUUID(),
                null);

        ErasureUnderWay.whileErasing(
                personalData,
                transactionManager,
                jdbc,
                customer,
                () -> bounces.record(send, Channel.EMAIL, address, "550 5.1.2 no such domain"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE customer_id = ?", Long.class, customer))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE customer_id = ?", Long.class, customer))
                .as("no suppression under the erased customer's id")
                .isZero();
    }

    @Test
    void aBounceOfTheAddressTheCustomerHadBeforeTheirNewOneIsRecordedWithoutSuppressingThem() {
        UUID customer = UUID.randomUUID();
        String replaced = customer + "@typo.invalid";
        // the dispatcher read the old address; the new one was applied while the mail server was refusing the old
        EmailJourneys.consentingCustomer(commerce, api, customer, customer + "@example.test");
        ClaimedSend send = ClaimedSendMother.email(customer, null);
        ClaimedSendMother.writeAsClaimed(jdbc, send);

        bounces.record(send, Channel.EMAIL, replaced, "550 5.1.1 no such user");

        assertThat(jdbc.queryForObject("SELECT status FROM sends WHERE id = ?", String.class, send.id()))
                .isEqualTo("bounced");
        assertThat(jdbc.queryForList("SELECT channel FROM suppressions WHERE customer_id = ?", String.class, customer))
                .as("the address that bounced is no longer theirs")
                .isEmpty();
    }

    @Test
    void aBounceOfTheCustomersAddressWrittenInAnotherCaseSuppressesThem() {
        UUID customer = UUID.randomUUID();
        EmailJourneys.consentingCustomer(commerce, api, customer, customer + "@mailbox.invalid");
        ClaimedSend send = ClaimedSendMother.email(customer, null);
        ClaimedSendMother.writeAsClaimed(jdbc, send);

        bounces.record(
                send,
                Channel.EMAIL,
                (customer + "@mailbox.invalid").toUpperCase(Locale.ROOT),
                "550 5.1.2 no such domain");

        assertThat(jdbc.queryForList("SELECT channel FROM suppressions WHERE customer_id = ?", String.class, customer))
                .containsExactly("email");
    }

    private String statusOfSend(UUID journey, UUID customer) {
        List<String> statuses = jdbc.queryForList(
                "SELECT status FROM sends WHERE journey_id = ? AND customer_id = ?", String.class, journey, customer);
        return statuses.isEmpty() ? null : statuses.getFirst();
    }
}
