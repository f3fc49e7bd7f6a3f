package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.messaging.topic.Topics;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JourneysIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private JourneyTriggers triggers;

    @Autowired
    private PersonalDataHolder personalData;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void storesTheSpecificationsJourneyPostedAsYamlAndActivatesIt() throws Exception {
        String yaml = shipped().replace("Abandoned Cart Recovery", "Abandoned Cart " + UUID.randomUUID());

        HttpResponse<String> created = postYaml(yaml);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JsonMapper.builder().build().readTree(created.body());
        String id = body.path("id").asString();
        assertThat(body.path("active").asBoolean()).isFalse();
        assertThat(body.at("/definition/steps/2/template").asString()).isEqualTo("abandoned_cart_reminder");

        Response activated = api.post("/api/v1/campaigns/journeys/" + id + "/activate", Map.of());
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.body().path("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/campaigns/journeys/" + id)
                        .body()
                        .path("activated_at")
                        .asString())
                .isNotBlank();
        assertThat(api.get("/api/v1/campaigns/journeys?limit=100")
                        .body()
                        .path("items")
                        .toString())
                .contains(id);
    }

    @Test
    void refusesAnInvalidJourneyWithErrorsThatPointAtTheStep() {
        Response refused = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Broken " + UUID.randomUUID(),
                        "trigger", Map.of("type", "event", "event", "cart.abandoned"),
                        "steps",
                                List.of(
                                        Map.of("id", "a", "type", "wait", "duration", "1 hour"),
                                        Map.of("id", "b", "type", "email", "template", "t", "next", "x"),
                                        Map.of("id", "z", "type", "end"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("steps[1].next");
        assertThat(refused.text("/errors/0/message")).isEqualTo("unknown step 'x'");
    }

    @Test
    void refusesMalformedYamlWithABadRequest() throws Exception {
        HttpResponse<String> refused = postYaml("name: [unclosed");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void remindsTheCustomerWhoseCartWasLeftAndStopsWhenTheyBuy() throws Exception {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.abandonedCart(country, "1 second"));
        UUID buyer = EmailJourneys.consentingCustomer(commerce, api, country);
        UUID smallCart = EmailJourneys.consentingCustomer(commerce, api, country);

        commerce.publishAndWait(
                JourneyMother.cart(buyer, "80.00", Instant.now()),
                JourneyMother.cart(smallCart, "20.00", Instant.now()));

        String address = emailOf(buyer);
        await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
        MimeMessage reminder = Mailbox.messagesTo(address).getFirst();
        assertThat(reminder.getSubject()).isEqualTo("You left something in your cart");
        assertThat(reminder.getHeader("List-Unsubscribe")[0])
                .startsWith("<http://localhost:8080/api/v1/campaigns/unsubscribe?token=");
        assertThat(reminder.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String html = (String) reminder.getContent();
        assertThat(html).contains("80.00 GBP", "SKU-&lt;b&gt;1&lt;/b&gt;", "10%", "Unsubscribe");

        commerce.publishAndWait(CustomerMother.order(buyer, "80.00", Instant.now()));
        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(journeyId, buyer).path("status").asString()));
        assertThat(enrolmentOf(journeyId, buyer).path("end_reason").asString()).isEqualTo("converted");
        assertThat(api.get("/api/v1/campaigns/journeys/" + journeyId + "/enrolments")
                        .body()
                        .path("items")
                        .toString())
                .doesNotContain(smallCart.toString());
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
    }

    @Test
    void aCartBoughtBeforeItsEventWasHandledIsNotStillAbandoned() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.decidingOn(country, Map.of("check", "cart_still_abandoned")));
        UUID customer = CustomerMother.knownCustomer(commerce, country);
        Instant cartLeft = Instant.now();

        // the order, placed just after the cart was left, is handled first: the cart's consumer lags behind
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", cartLeft.plusMillis(1)));
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", cartLeft));

        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(journeyId, customer).path("status").asString()));
        assertThat(enrolmentOf(journeyId, customer).path("end_reason").asString())
                .isEqualTo("does not hold");
    }

    @Test
    void aWaitForAnOrderEndsAtOnceWhenTheOrderCameBeforeTheCartsEventWasHandled() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.abandonedCart(country, "1 hour"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        Instant cartLeft = Instant.now();

        // the order's wake finds no enrolment waiting for it: the cart's event has not been handled yet
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", cartLeft.plusMillis(1)));
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", cartLeft));

        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(journeyId, customer).path("status").asString()));
        assertThat(enrolmentOf(journeyId, customer).path("end_reason").asString())
                .isEqualTo("converted");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM sends WHERE journey_id = ? AND customer_id = ?",
                        Integer.class,
                        journeyId,
                        customer))
                .isZero();
    }

    @Test
    void theOrderThatEndsAWaitForAnOrderDoesNotEndTheNextOne() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.rewardingTwoOrders(country, "1 hour"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", Instant.now()));
        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "no_first_order"));

        commerce.publishAndWait(CustomerMother.order(customer, "80.00", Instant.now()));

        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "no_second_order"));
        assertThat(stepsSentTo(journeyId, customer)).containsExactly("first_reward");

        commerce.publishAndWait(CustomerMother.order(customer, "30.00", Instant.now()));

        awaitEnd(journeyId, customer, "two orders", "first_reward", "second_reward");
    }

    @Test
    void aWaitForAnOrderThatTimesOutTakesItsTimeoutPathThoughAnEarlierWaitsOrderCameSinceTheTrigger() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.rewardingTwoOrders(country, "1 second"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        Instant cartLeft = Instant.now();

        // the first wait finds the order when it starts: the cart's event is handled after the order's
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", cartLeft.plusMillis(1)));
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", cartLeft));

        awaitEnd(journeyId, customer, "one order", "first_reward");
    }

    @Test
    void anOrderPlacedBeforeTheCartWasLeftDoesNotEndTheWaitForAnOrderWhenItsEventIsHandledAfterTheCarts() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.abandonedCart(country, "1 hour"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        Instant cartLeft = Instant.now();
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", cartLeft));
        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "2"));

        // bought an hour before the cart was left, its event lagging behind the cart's on the orders topic
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", cartLeft.minus(Duration.ofHours(1))));

        assertThat(waitsAt(journeyId, customer, "2"))
                .as("still waiting for an order after the cart was left: %s", enrolmentOf(journeyId, customer))
                .isTrue();
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", Instant.now()));
        awaitEnd(journeyId, customer, "converted");
    }

    @Test
    void anOrderPlacedBeforeTheFirstWaitForAnOrderEndedDoesNotEndTheSecondWhenItsEventIsHandledLate() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.rewardingTwoOrders(country, "1 hour"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        Instant cartLeft = Instant.now();
        commerce.publishAndWait(JourneyMother.cart(customer, "80.00", cartLeft));
        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "no_first_order"));
        Instant firstOrder = Instant.now();
        commerce.publishAndWait(CustomerMother.order(customer, "80.00", firstOrder));
        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "no_second_order"));

        // placed after the cart was left but before the order that ended the first wait, its event handled only now
        Instant lateOrder = cartLeft.plusMillis(1);
        assertThat(lateOrder).isBefore(firstOrder);
        commerce.publishAndWait(CustomerMother.order(customer, "30.00", lateOrder));

        assertThat(waitsAt(journeyId, customer, "no_second_order"))
                .as("still waiting for a second order: %s", enrolmentOf(journeyId, customer))
                .isTrue();
        commerce.publishAndWait(CustomerMother.order(customer, "30.00", Instant.now()));
        awaitEnd(journeyId, customer, "two orders", "first_reward", "second_reward");
    }

    @Test
    void theOrderThatStartsAJourneyDoesNotEndItsWaitForAnotherOrder() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.awaitingAnotherOrder(country));
        UUID customer = CustomerMother.knownCustomer(commerce, country);
        // a time the database keeps rounded up to the next microsecond, after the event's own time
        Instant placed = Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(700);

        commerce.publishAndWait(CustomerMother.order(customer, "80.00", placed));

        await().atMost(PATIENCE).until(() -> waitsAt(journeyId, customer, "no_further_order"));
        commerce.publishAndWait(CustomerMother.order(customer, "20.00", Instant.now()));
        awaitEnd(journeyId, customer, "ordered again");
    }

    @Test
    void recordsTheRefusalWhenTheCustomerHasNotConsented() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.abandonedCart(country, "PT0S"));
        UUID customer = CustomerMother.knownCustomer(commerce, country);

        Response enrolled = api.post(
                "/api/v1/campaigns/journeys/" + journeyId + "/enrolments",
                Map.of("customer_id", customer, "context", Map.of("cart_value", "70.00")));
        assertThat(enrolled.status()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> "refused".equals(sendStatus(customer)));
        assertThat(jdbc.queryForObject("SELECT reason FROM sends WHERE customer_id = ?", String.class, customer))
                .isEqualTo("no consent recorded for email");
        assertThat(Mailbox.messagesTo(customer + "@example.test")).isEmpty();
    }

    @Test
    void unsubscribesTheCustomerWithTheSignedOneClickLink() throws Exception {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(JourneyMother.abandonedCart(country, "PT0S"));
        UUID customer = EmailJourneys.consentingCustomer(commerce, api, country);
        api.post(
                "/api/v1/campaigns/journeys/" + journeyId + "/enrolments",
                Map.of("customer_id", customer, "context", Map.of("cart_value", "70.00")));
        String address = emailOf(customer);
        await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
        String link = Mailbox.messagesTo(address).getFirst().getHeader("List-Unsubscribe")[0];
        String query = link.substring(link.indexOf("/api/v1/campaigns/unsubscribe"), link.length() - 1);

        Response forged = api.post(query.substring(0, query.length() - 2) + "xx", "List-Unsubscribe=One-Click");
        Response unsubscribed = api.post(query, "List-Unsubscribe=One-Click");

        assertThat(forged.status()).isEqualTo(400);
        assertThat(unsubscribed.status()).isEqualTo(200);
        Response consents = api.get("/api/v1/campaigns/consents/" + customer);
        assertThat(consents.text("/suppressions/0/channel")).isEqualTo("email");
        assertThat(consents.text("/suppressions/0/reason")).isEqualTo("one-click unsubscribe");
    }

    @Test
    void anEnrolmentThatFailsAtRunTimeDoesNotStopAnotherJourneysEnrolments() {
        String country = CustomerMother.freshCountry();
        UUID broken = createActive(
                JourneyMother.endingAt(country, "short"),
                definition ->
                        // as a definition stored before the validator refused reasons longer than the column
                        definition.replace("\"short\"", "\"" + "x".repeat(600) + "\""));
        UUID working = createActive(JourneyMother.endingAt(country, "done"));
        UUID first = CustomerMother.knownCustomer(commerce, country);
        UUID second = CustomerMother.knownCustomer(commerce, country);

        assertThat(enrol(broken, first).status()).isEqualTo(201);
        assertThat(enrol(working, second).status()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(working, second).path("status").asString()));
        assertThat(enrolmentOf(working, second).path("end_reason").asString()).isEqualTo("done");
        await().atMost(PATIENCE).until(() -> "failed"
                .equals(enrolmentOf(broken, first).path("status").asString()));
        assertThat(enrolmentOf(broken, first).path("end_reason").asString())
                .startsWith("step 'end' failed: ")
                .contains("value too long");
    }

    @Test
    void refusesToEnrolAnUnknownCustomer() {
        UUID journeyId = createActive(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));

        Response refused = api.post(
                "/api/v1/campaigns/journeys/" + journeyId + "/enrolments", Map.of("customer_id", UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("customer_id");
    }

    @Test
    void aDateTriggerEnrolsOnlyTheSegmentMembersItsConditionsHoldFor() {
        String country = CustomerMother.freshCountry();
        UUID buyer = CustomerMother.knownCustomer(commerce, country);
        UUID browser = CustomerMother.knownCustomer(commerce, country);
        commerce.publishAndWait(CustomerMother.order(buyer, "40.00", Instant.now()));
        UUID journeyId = createActive(Map.of(
                "name", "Date " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type", "date",
                                "at", Instant.now().minusSeconds(60).toString(),
                                "segment_id", JourneyMother.countrySegment(api, "Journeys", country),
                                "conditions", List.of(Map.of("field", "order_count", "operator", "gte", "value", 1))),
                "steps", List.of(Map.of("id", "done", "type", "end", "reason", "dated"))));

        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                        "SELECT date_fired_at IS NOT NULL FROM journeys WHERE id = ?", Boolean.class, journeyId));
        assertThat(enrolledCustomers(journeyId)).containsExactly(buyer);
    }

    @Test
    void aDateTriggerTakenUpAgainAfterAnInterruptionEnrolsNobodyTwice() {
        String country = CustomerMother.freshCountry();
        UUID enrolledBefore = CustomerMother.knownCustomer(commerce, country);
        UUID waiting = CustomerMother.knownCustomer(commerce, country);
        Response created = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Date " + UUID.randomUUID(),
                        "trigger",
                                Map.of(
                                        "type", "date",
                                        "at", Instant.now().minusSeconds(60).toString(),
                                        "segment_id", JourneyMother.countrySegment(api, "Journeys", country)),
                        "steps", List.of(Map.of("id", "done", "type", "end", "reason", "dated"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID journeyId = UUID.fromString(created.text("/id"));
        // as a page enrolled and run through before the agent stopped, with the journey not yet marked fired
        jdbc.update("""
                INSERT INTO journey_enrolments (id, journey_id, customer_id, status, context, end_reason, entered_at,
                                                updated_at)
                VALUES (?, ?, ?, 'completed', '{}', 'dated', now(), now())
                """, UUID.randomUUID(), journeyId, enrolledBefore);

        assertThat(api.post("/api/v1/campaigns/journeys/" + journeyId + "/activate", Map.of())
                        .status())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                        "SELECT date_fired_at IS NOT NULL FROM journeys WHERE id = ?", Boolean.class, journeyId));
        assertThat(enrolledCustomers(journeyId)).containsExactlyInAnyOrder(enrolledBefore, waiting);
    }

    @Test
    void aDateTriggerFiringDuringAMembersErasureLeavesNoEnrolmentOfThem() throws Exception {
        String country = CustomerMother.freshCountry();
        UUID erased = CustomerMother.knownCustomer(commerce, country);
        UUID kept = CustomerMother.knownCustomer(commerce, country);
        Response created = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Date " + UUID.randomUUID(),
                        "trigger",
                                Map.of(
                                        "type", "date",
                                        "at", Instant.now().minusSeconds(60).toString(),
                                        "segment_id", JourneyMother.countrySegment(api, "Journeys", country)),
                        "steps", List.of(Map.of("id", "done", "type", "end", "reason", "dated"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID journeyId = UUID.fromString(created.text("/id"));

        try (ErasureUnderWay erasure = ErasureUnderWay.start(personalData, transactionManager, jdbc, erased);
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // the erasure not yet committed, the customer is still a member of the segment for whoever reads it
            assertThat(api.post("/api/v1/campaigns/journeys/" + journeyId + "/activate", Map.of())
                            .status())
                    .isEqualTo(200);
            // the executor's poll may take the journey first, when this call passes it over: done once it has fired
            Future<?> fired = callers.submit(() -> {
                triggers.fireDateTriggers();
                await().atMost(PATIENCE).until(() -> dateFired(journeyId));
            });
            erasure.awaitHeldUp(fired);
            erasure.commit();
            fired.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM journey_enrolments WHERE customer_id = ?", Long.class, erased))
                .as("no enrolment under the erased customer's id")
                .isZero();
        assertThat(enrolledCustomers(journeyId)).containsExactly(kept);
    }

    @Test
    void aBehaviourEventDuringTheCustomersErasureLeavesNoEnrolmentOfThem() throws Exception {
        String country = CustomerMother.freshCountry();
        UUID erased = CustomerMother.knownCustomer(commerce, country);
        UUID journeyId = createActive(JourneyMother.endingAt(country, "abandoned"));

        // the erasure not yet committed, the customer's row still holds the country the trigger asks for
        ErasureUnderWay.whileErasing(
                personalData,
                transactionManager,
                jdbc,
                erased,
                () -> triggers.onCommerceEvent(JourneyMother.cart(erased, "80.00", Instant.now())));

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM journey_enrolments WHERE customer_id = ?", Long.class, erased))
                .as("no enrolment under the erased customer's id")
                .isZero();
        assertThat(enrolledCustomers(journeyId)).isEmpty();
    }

    @Test
    void aFirstBehaviourEventOfACustomerNotYetKnownDuringTheirErasureEnrolsThemNowhere() throws Exception {
        UUID erased = UUID.randomUUID();
        // no condition on the customer's row: the cart alone admits them, as it does a customer whose profile is to
        // come
        UUID journeyId = createActive(Map.of(
                "name", "Carts in the test currency " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type",
                                "event",
                                "event",
                                "cart.abandoned",
                                "conditions",
                                List.of(Map.of("field", "currency", "operator", "eq", "value", "XTS"))),
                "steps", List.of(Map.of("id", "end", "type", "end", "reason", "abandoned"))));

        // the erasure not yet committed, so its mark is not visible yet, and there is no row of theirs to lock
        ErasureUnderWay.whileErasing(
                personalData,
                transactionManager,
                jdbc,
                erased,
                () -> triggers.onCommerceEvent(JourneyMother.cart(erased, "80.00", "XTS", Instant.now())));

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM journey_enrolments WHERE customer_id = ?", Long.class, erased))
                .as("no enrolment under the erased customer's id")
                .isZero();
        assertThat(enrolledCustomers(journeyId)).isEmpty();
    }

    @Test
    void anEventTriggersConditionsSeeTheCustomerTheEventWritesEvenWhenJourneysReadTheEventFirst() throws Exception {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(Map.of(
                "name", "Welcome " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type", "event",
                                "event", "customer.upserted",
                                "conditions",
                                        List.of(
                                                Map.of("field", "email", "operator", "exists"),
                                                Map.of("field", "country", "operator", "eq", "value", country))),
                "steps", List.of(Map.of("id", "done", "type", "end", "reason", "welcomed"))));
        UUID customer = UUID.randomUUID();
        CustomerUpserted upserted =
                CustomerMother.customer(customer, customer + "@example.test", country, Instant.now());

        // the read model's consumer group is held back until the journeys' group has read past the event: the
        // order in which the two groups happened to run is what lost enrolments
        MessageListenerContainer readModel = containerOfGroup("campaign");
        readModel.stop();
        try {
            commerce.publishTo(0, upserted);
            TopicPartition partition = new TopicPartition(Topics.COMMERCE_CUSTOMERS, 0);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                        .partitionResult(partition)
                        .get()
                        .offset();
                await().atMost(PATIENCE).until(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets("campaign-journeys")
                            .partitionsToOffsetAndMetadata()
                            .get()
                            .get(partition);
                    return committed != null && committed.offset() >= end;
                });
            }
        } finally {
            readModel.start();
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_messages WHERE message_id = ?"
                                        + " AND consumer IN ('campaign-customers', 'campaign-journeys')",
                                Long.class,
                                upserted.eventId())
                        == 2);

        assertThat(enrolledCustomers(journeyId)).containsExactly(customer);
    }

    @Test
    void aWelcomeOnCustomerUpsertedEntersTheCustomerOnceHoweverOftenTheyChangeTheirProfile() {
        String country = CustomerMother.freshCountry();
        UUID journeyId = createActive(Map.of(
                "name", "Welcome " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type", "event",
                                "event", "customer.upserted",
                                "conditions", List.of(Map.of("field", "country", "operator", "eq", "value", country))),
                "steps", List.of(Map.of("id", "done", "type", "end", "reason", "welcomed"))));
        UUID customer = UUID.randomUUID();
        Instant signedUp = Instant.now();
        commerce.publishAndWait(CustomerMother.customer(customer, customer + "@example.test", country, signedUp));
        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(journeyId, customer).path("status").asString()));

        commerce.publishAndWait(CustomerMother.customer(
                customer, customer + "@new.example.test", country, signedUp.plus(Duration.ofDays(1))));

        assertThat(enrolledCustomers(journeyId)).containsExactly(customer);
    }

    @Test
    void refusesAReEntryPolicyItCannotFollowNamingTheField() {
        Response unknown = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Re-entry " + UUID.randomUUID(),
                        "trigger", Map.of("type", "event", "event", "cart.abandoned", "re_entry", "sometimes"),
                        "steps", List.of(Map.of("id", "done", "type", "end"))));
        Response segmentAgain = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Re-entry " + UUID.randomUUID(),
                        "trigger",
                                Map.of(
                                        "type",
                                        "segment_entry",
                                        "segment_id",
                                        JourneyMother.countrySegment(api, "Journeys", CustomerMother.freshCountry()),
                                        "re_entry",
                                        "after_completion"),
                        "steps", List.of(Map.of("id", "done", "type", "end"))));
        Response gap = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Re-entry " + UUID.randomUUID(),
                        "trigger", Map.of("type", "event", "event", "cart.abandoned", "re_entry", "P30D"),
                        "steps", List.of(Map.of("id", "done", "type", "end"))));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("trigger.re_entry");
        assertThat(segmentAgain.status()).isEqualTo(422);
        assertThat(segmentAgain.errorFields()).containsExactly("trigger.re_entry");
        assertThat(gap.status()).as(gap.body().toString()).isEqualTo(201);
    }

    private UUID createActive(Map<String, Object> definition) {
        return createActive(definition, UnaryOperator.identity());
    }

    /** Creates the journey, changes its stored definition as a migration or an older version could have, activates. */
    private UUID createActive(Map<String, Object> definition, UnaryOperator<String> stored) {
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("/id");
        String text =
                jdbc.queryForObject("SELECT definition FROM journeys WHERE id = ?", String.class, UUID.fromString(id));
        jdbc.update("UPDATE journeys SET definition = ? WHERE id = ?", stored.apply(text), UUID.fromString(id));
        assertThat(api.post("/api/v1/campaigns/journeys/" + id + "/activate", Map.of())
                        .status())
                .isEqualTo(200);
        return UUID.fromString(id);
    }

    private MessageListenerContainer containerOfGroup(String group) {
        return listeners.getListenerContainers().stream()
                .filter(container -> group.equals(container.getGroupId()))
                .findFirst()
                .orElseThrow();
    }

    private boolean dateFired(UUID journeyId) {
        return jdbc.queryForObject(
                "SELECT date_fired_at IS NOT NULL FROM journeys WHERE id = ?", Boolean.class, journeyId);
    }

    private List<UUID> enrolledCustomers(UUID journeyId) {
        return jdbc.queryForList(
                "SELECT customer_id FROM journey_enrolments WHERE journey_id = ?", UUID.class, journeyId);
    }

    private Response enrol(UUID journeyId, UUID customer) {
        return api.post("/api/v1/campaigns/journeys/" + journeyId + "/enrolments", Map.of("customer_id", customer));
    }

    private static String emailOf(UUID customer) {
        return customer + "@example.test";
    }

    private JsonNode enrolmentOf(UUID journeyId, UUID customer) {
        for (JsonNode enrolment : api.get("/api/v1/campaigns/journeys/" + journeyId + "/enrolments?limit=100")
                .body()
                .path("items")) {
            if (enrolment.path("customer_id").asString().equals(customer.toString())) {
                return enrolment;
            }
        }
        return JsonMapper.builder().build().createObjectNode();
    }

    /** Whether the enrolment waits for an order, going on at {@code timeoutStep} should none come. */
    private boolean waitsAt(UUID journeyId, UUID customer, String timeoutStep) {
        JsonNode enrolment = enrolmentOf(journeyId, customer);
        return "active".equals(enrolment.path("status").asString())
                && "order.placed".equals(enrolment.path("waiting_for").asString())
                && timeoutStep.equals(enrolment.path("current_step").asString());
    }

    /**
     * Waits for the customer's enrolment to end and checks why it ended and which of the journey's steps sent to them
     * on the way, each once.
     */
    private void awaitEnd(UUID journeyId, UUID customer, String reason, String... sentSteps) {
        await().atMost(PATIENCE).until(() -> "completed"
                .equals(enrolmentOf(journeyId, customer).path("status").asString()));
        assertThat(enrolmentOf(journeyId, customer).path("end_reason").asString())
                .isEqualTo(reason);
        assertThat(stepsSentTo(journeyId, customer)).containsExactlyInAnyOrder(sentSteps);
    }

    /** The steps of the journey that sent to the customer: other journeys of other tests may send to them too. */
    private List<String> stepsSentTo(UUID journeyId, UUID customer) {
        return jdbc.queryForList(
                "SELECT step_id FROM sends WHERE journey_id = ? AND customer_id = ?",
                String.class,
                journeyId,
                customer);
    }

    private String sendStatus(UUID customer) {
        List<String> statuses =
                jdbc.queryForList("SELECT status FROM sends WHERE customer_id = ?", String.class, customer);
        return statuses.isEmpty() ? "" : statuses.getFirst();
    }

    private HttpResponse<String> postYaml(String yaml) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1/campaigns/journeys"))
                                .header("Content-Type", "application/yaml")
                                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "MARKETING_MANAGER"))
                                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String shipped() throws IOException {
        try (InputStream in = JourneysIT.class.getClassLoader().getResourceAsStream(DemoJourneyLoader.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
