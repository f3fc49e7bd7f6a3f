package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.campaign.CampaignSending;
import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.pacing.SendPacing;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dispatcher delivering a send it claimed. The sends are written as a claim would leave them, due far in the
 * future so that the agent's own dispatcher leaves them alone, and handed to a dispatcher directly.
 */
class SendClaimsIT extends CampaignIntegrationTest {

    @Autowired
    SendDispatcher dispatcher;

    @Autowired
    Sends sends;

    @Autowired
    SendEvents events;

    @Autowired
    DeliveryMetrics metrics;

    @Autowired
    MessageTemplates templates;

    @Autowired
    ProductLists products;

    @Autowired
    ContactPermissions permissions;

    @Autowired
    SendPacing pacing;

    @Autowired
    HardBounces bounces;

    @Autowired
    CustomerReadModel customers;

    @Autowired
    EmailSender email;

    @Autowired
    SimulatedSmsGateway sms;

    @Autowired
    SimulatedPushGateway push;

    @Autowired
    WebhookClient webhooks;

    @Autowired
    CampaignSending campaigns;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void doesNotDeliverASendWhoseLeaseRanOutAndAnotherDispatcherClaimed() {
        UUID customer = UUID.randomUUID();
        String address = customer + "@example.test";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        ClaimedSend stale = ClaimedSendMother.email(customer, null);
        ClaimedSend takenOver = ClaimedSendMother.reclaimed(stale);
        ClaimedSendMother.writeAsClaimed(jdbc, takenOver);

        dispatcher.deliver(stale);

        assertThat(Mailbox.messagesTo(address))
                .as("the lease had run out and another dispatcher holds the send")
                .isEmpty();
        assertThat(statusOf(stale.id())).isEqualTo("sending");

        dispatcher.deliver(takenOver);

        assertThat(Mailbox.messagesTo(address)).hasSize(1);
        assertThat(statusOf(stale.id())).isEqualTo("sent");
    }

    @Test
    void doesNotSendAgainWhenRecordingTheDeliveryFailsAfterTheChannelAcceptedIt() {
        UUID customer = UUID.randomUUID();
        String address = customer + "@example.test";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        ClaimedSend send = ClaimedSendMother.email(customer, null);
        ClaimedSendMother.writeAsClaimed(jdbc, send);
        SendEvents failingBookkeeping = new SendEvents(jdbc, sends, null, metrics, customers) {
            @Override
            public boolean delivered(ClaimedSend delivered, Instant at) {
                throw new IllegalStateException("the touchpoint outbox is unavailable");
            }
        };

        dispatcherWith(failingBookkeeping).deliver(send);

        assertThat(Mailbox.messagesTo(address)).hasSize(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT status, sent_at FROM sends WHERE id = ?", send.id());
        assertThat(row.get("status"))
                .as("accepted by the mail server, so not to be retried")
                .isEqualTo("sent");
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void recordsNeitherTheDeliveryNorATouchpointOfACustomerErasedWhileTheChannelHadTheirMessage() {
        UUID customer = UUID.randomUUID();
        ClaimedSend send = ClaimedSendMother.email(customer, null);
        ClaimedSendMother.writeAsClaimed(jdbc, send);
        // the channel accepted the message; the erasure lands before the dispatcher records that
        personalData.erase(customer);

        // the relay drains the outbox once it is committed, so what delivered() wrote is read before the commit
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            events.delivered(send, Instant.now());

            assertThat(statusOf(send.id()))
                    .as("the erasure refused the send for good")
                    .isEqualTo("refused");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM outbox_messages WHERE payload LIKE ?",
                            Long.class,
                            "%" + customer + "%"))
                    .as("no touchpoint names the erased customer")
                    .isZero();
            transaction.setRollbackOnly();
        });
    }

    @Test
    void refusesASendQueuedBeforeItsJourneyWasDeactivated() {
        UUID customer = UUID.randomUUID();
        String address = customer + "@example.test";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        UUID journey = EmailJourneys.oneEmail(api, ClaimedSendMother.TEMPLATE);
        ClaimedSend queued = ClaimedSendMother.email(customer, journey);
        ClaimedSendMother.writeAsClaimed(jdbc, queued);
        assertThat(api.post("/api/v1/campaigns/journeys/" + journey + "/deactivate", Map.of())
                        .status())
                .isEqualTo(200);

        dispatcher.deliver(queued);

        assertThat(Mailbox.messagesTo(address)).isEmpty();
        assertThat(statusOf(queued.id())).isEqualTo("refused");
        assertThat(jdbc.queryForObject("SELECT reason FROM send_skips WHERE send_id = ?", String.class, queued.id()))
                .isEqualTo("journey_inactive");
    }

    @Test
    void keepsTheLeaseWhileTheChannelIsSlowSoNoOtherDispatcherSendsTheMessageAgain() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // one thread per request, so a second delivery would arrive while the first is still unanswered
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            ClaimedSend send = ClaimedSendMother.webhook(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            ClaimedSendMother.writeAsClaimed(jdbc, send);
            Thread dispatching = Thread.ofVirtual()
                    .start(() -> dispatcherWith(events, withLease(lease)).deliver(send));

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            // renewed just before the call, the lease the send went out with ends before this
            Instant firstLeaseEnd = Instant.now().plus(lease);
            // the agent's own dispatcher polls every 100 ms and takes the send once its lease has run out
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                            "SELECT next_attempt_at FROM sends WHERE id = ?", Timestamp.class, send.id())
                    .toInstant()
                    .isAfter(firstLeaseEnd.plus(lease)));

            assertThat(jdbc.queryForObject("SELECT claim_token FROM sends WHERE id = ?", UUID.class, send.id()))
                    .as("still held by the claim whose call is under way")
                    .isEqualTo(send.claimToken());
            answer.countDown();
            dispatching.join(Duration.ofSeconds(10));
            assertThat(statusOf(send.id())).isEqualTo("sent");
            assertThat(received).containsExactly(send.id().toString());
        } finally {
            answer.countDown();
            receiver.stop(0);
        }
    }

    @Test
    void aDispatcherWhoseLeaseRanOutCannotOverwriteWhatTheNextClaimRecorded() {
        UUID customer = UUID.randomUUID();
        ClaimedSend stale = ClaimedSendMother.email(customer, null);
        ClaimedSend takenOver = ClaimedSendMother.reclaimed(stale);
        ClaimedSendMother.writeAsClaimed(jdbc, takenOver);
        sends.markSent(takenOver, Instant.now());
        Instant later = Instant.now().plusSeconds(60);

        // the first dispatcher's channel call failed or was refused only after the next claim delivered the send
        assertThat(sends.retryLater(stale, later, "connection reset")).isFalse();
        assertThat(sends.fail(stale, "gave up")).isFalse();
        assertThat(sends.bounce(stale, "550 no such user")).isFalse();
        assertThat(sends.refuse(stale, "no_consent", "consent withdrawn", later))
                .isFalse();
        assertThat(sends.defer(stale, "frequency_cap", "capped", later, later)).isFalse();

        assertThat(statusOf(stale.id()))
                .as("delivered by the claim that holds it")
                .isEqualTo("sent");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM send_skips WHERE send_id = ?", Long.class, stale.id()))
                .isZero();
    }

    @Test
    void theClaimThatHoldsASendRecordsItsOutcome() {
        ClaimedSend send = ClaimedSendMother.email(UUID.randomUUID(), null);
        ClaimedSendMother.writeAsClaimed(jdbc, send);

        assertThat(sends.retryLater(send, Instant.now().plusSeconds(60), "connection reset"))
                .isTrue();

        assertThat(statusOf(send.id())).isEqualTo("pending");
    }

    @Test
    void aSendClaimedAgainAndAgainBeforeItWasTriedIsRetriedSoonAfterItsFirstTemporaryFailure() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
        ClaimedSend queued = ClaimedSendMother.webhook(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        try {
            // due later than the agent's own dispatcher looks, so only the claims below take it
            Instant due = Instant.now().plus(Duration.ofDays(2));
            ClaimedSendMother.writeAsQueued(jdbc, queued, due);
            // each dispatcher's batch outlasted its lease before it came to the send, and the next one claimed it
            ClaimedSend last = null;
            Instant at = due;
            for (int claim = 0; claim < properties.maxAttempts(); claim++) {
                last = claimedAt(at, queued);
                at = at.plus(properties.lease()).plusSeconds(1);
            }
            Instant tried = Instant.now();

            dispatcher.deliver(last);

            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT status, attempts, next_attempt_at, reason FROM sends WHERE id = ?", queued.id());
            assertThat(row.get("status"))
                    .as("a first failure, which may pass, is retried")
                    .isEqualTo("pending");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("reason")).contains("503");
            assertThat(((Timestamp) row.get("next_attempt_at")).toInstant())
                    .as("backed off as after one attempt")
                    .isBetween(tried.plusSeconds(2), Instant.now().plusSeconds(2));
        } finally {
            receiver.stop(0);
            // settled, so the agent's own dispatcher does not go on retrying it at the stopped receiver
            jdbc.update("UPDATE sends SET status = 'failed' WHERE id = ?", queued.id());
        }
    }

    private ClaimedSend claimedAt(Instant at, ClaimedSend queued) {
        return sends.claim(at, 10_000, properties.lease()).stream()
                .filter(claimed -> claimed.id().equals(queued.id()))
                .findFirst()
                .orElseThrow();
    }

    private SendDispatcher dispatcherWith(SendEvents sendEvents) {
        return dispatcherWith(sendEvents, properties);
    }

    private SendDispatcher dispatcherWith(SendEvents sendEvents, DeliveryProperties deliveryProperties) {
        return new SendDispatcher(
                sends,
                sendEvents,
                metrics,
                templates,
                products,
                permissions,
                pacing,
                bounces,
                customers,
                email,
                sms,
                push,
                webhooks,
                campaigns,
                deliveryProperties,
                clock);
    }

    private DeliveryProperties withLease(Duration lease) {
        return new DeliveryProperties(
                properties.enabled(),
                properties.fromAddress(),
                properties.postalAddress(),
                properties.publicBaseUrl(),
                properties.unsubscribeSecret(),
                properties.trackingSecret(),
                properties.webhookSigningSecret(),
                properties.webhookTimeout(),
                properties.pollInterval(),
                lease,
                properties.campaignHoldRecheck(),
                properties.batchSize(),
                properties.maxAttempts());
    }

    private String statusOf(UUID send) {
        return jdbc.queryForObject("SELECT status FROM sends WHERE id = ?", String.class, send);
    }
}
