package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.campaign.CampaignMother;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class JourneysInCampaignsIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    @Test
    void putsAJourneyInTheCampaignItsDefinitionNames() {
        UUID campaign = newCampaign();

        Response created = api.post("/api/v1/campaigns/journeys", journeyIn(campaign));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("/campaign_id")).isEqualTo(campaign.toString());
        Response fetched = api.get("/api/v1/campaigns/journeys/" + created.text("/id"));
        assertThat(fetched.text("/campaign_id")).isEqualTo(campaign.toString());
        assertThat(fetched.text("/definition/campaign_id")).isEqualTo(campaign.toString());
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/kpis")
                        .body()
                        .path("journey_ids")
                        .valueStream()
                        .map(id -> id.asString()))
                .containsExactly(created.text("/id"));
    }

    @Test
    void showsNoCampaignForAJourneyWithout() {
        Response created = api.post(
                "/api/v1/campaigns/journeys", JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("campaign_id").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT definition FROM journeys WHERE id = ?::uuid", String.class, created.text("/id")))
                .as("a definition without a campaign is stored as it was written")
                .doesNotContain("campaign_id");
    }

    @Test
    void refusesAnUnknownCampaignWith422NamingTheField() {
        Map<String, Object> definition = journeyIn(UUID.randomUUID());

        Response refused = api.post("/api/v1/campaigns/journeys", definition);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("campaign_id");
        assertThat(refused.text("/errors/0/message")).startsWith("unknown campaign");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM journeys WHERE name = ?", Long.class, definition.get("name")))
                .isZero();

        String id = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        Response update = api.put("/api/v1/campaigns/journeys/" + id, journeyIn(UUID.randomUUID()));
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.errorFields()).containsExactly("campaign_id");
        assertThat(api.get("/api/v1/campaigns/journeys/" + id)
                        .body()
                        .path("campaign_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void refusesToAddAJourneyToAnArchivedCampaignButLetsItsOwnBeEdited() {
        UUID campaign = newCampaign();
        String own = create(journeyIn(campaign));
        String other = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        Response archived = api.post(
                "/api/v1/campaigns/" + campaign + "/transitions", CampaignMother.transition("archive", "dropped"));
        assertThat(archived.status()).as(archived.body().toString()).isEqualTo(200);

        Response created = api.post("/api/v1/campaigns/journeys", journeyIn(campaign));
        assertThat(created.status()).isEqualTo(409);
        assertThat(created.contentType()).contains("application/problem+json");
        assertThat(created.text("/detail")).contains(campaign.toString()).contains("archived");

        Response joined = api.put("/api/v1/campaigns/journeys/" + other, journeyIn(campaign));
        assertThat(joined.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/campaigns/journeys/" + other)
                        .body()
                        .path("campaign_id")
                        .isNull())
                .isTrue();

        Response edited = api.put("/api/v1/campaigns/journeys/" + own, journeyIn(campaign));
        assertThat(edited.status())
                .as("a journey already in the campaign is not new to it")
                .isEqualTo(200);
        assertThat(edited.text("/campaign_id")).isEqualTo(campaign.toString());
    }

    @Test
    void aPausedCampaignsJourneyEnrolsAndSendsNothingUntilResumed() {
        UUID campaign = CampaignMother.launched(api);
        UUID journey = mailAfterAWait(campaign);
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        EmailJourneys.enrol(api, journey, customer);

        CampaignMother.moveTo(api, campaign, "paused", "Complaint rate above threshold");

        await().atMost(PATIENCE)
                .alias("the step after the wait queues its send, which the dispatcher holds")
                .until(() -> jdbc.queryForList(
                                        "SELECT 1 FROM sends WHERE journey_id = ? AND customer_id = ? AND status = 'pending'"
                                                + " AND reason LIKE '%paused%'",
                                        journey, customer)
                                .size()
                        == 1);
        assertThat(Mailbox.messagesTo(customer.toString())).isEmpty();
        UUID latecomer = EmailJourneys.consentingCustomer(commerce, api);
        Response enrolled = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/enrolments",
                Map.of("customer_id", latecomer, "context", Map.of()));
        assertThat(enrolled.status()).isEqualTo(409);
        assertThat(enrolled.contentType()).contains("application/problem+json");
        assertThat(enrolled.text("/detail")).contains(campaign.toString());

        CampaignMother.moveTo(api, campaign, "launch", "complaints explained");

        await().atMost(PATIENCE)
                .until(() -> Mailbox.messagesTo(customer.toString()).size() == 1);
        // the mail server has the message a moment before the send's status commits
        await().atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT status FROM sends WHERE journey_id = ? AND customer_id = ?",
                                String.class,
                                journey,
                                customer),
                        "sent"::equals);
        assertThat(Mailbox.messagesTo(customer.toString())).as("sent once").hasSize(1);
    }

    @Test
    void dropsWithItsReasonWhatAnEndedCampaignHadQueued() {
        UUID campaign = CampaignMother.launched(api);
        UUID journey = mailAfterAWait(campaign);
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        EmailJourneys.enrol(api, journey, customer);

        CampaignMother.moveTo(api, campaign, "paused", "budget spent");
        CampaignMother.moveTo(api, campaign, "analyse", "ending early");

        await().atMost(PATIENCE).until(() -> "refused"
                .equals(jdbc
                        .queryForList(
                                "SELECT status FROM sends WHERE journey_id = ? AND customer_id = ?",
                                String.class,
                                journey,
                                customer)
                        .stream()
                        .findFirst()
                        .orElse(null)));
        assertThat(jdbc.queryForObject(
                        "SELECT reason FROM send_skips WHERE journey_id = ? AND customer_id = ?",
                        String.class,
                        journey,
                        customer))
                .isEqualTo("campaign_closed");
        assertThat(Mailbox.messagesTo(customer.toString())).isEmpty();
    }

    @Test
    void refusesToActivateAJourneyInAnArchivedCampaign() {
        UUID campaign = newCampaign();
        String journey = create(journeyIn(campaign));
        CampaignMother.moveTo(api, campaign, "archive", "dropped");

        Response activated = api.post("/api/v1/campaigns/journeys/" + journey + "/activate", Map.of());

        assertThat(activated.status()).isEqualTo(409);
        assertThat(activated.contentType()).contains("application/problem+json");
        assertThat(activated.text("/detail")).contains(campaign.toString());
        assertThat(api.get("/api/v1/campaigns/journeys/" + journey)
                        .body()
                        .path("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void refusesToActivateAJourneyBeforeItsCampaignLaunches() {
        UUID campaign = newCampaign();
        String journey = create(journeyIn(campaign));

        Response activated = api.post("/api/v1/campaigns/journeys/" + journey + "/activate", Map.of());

        assertThat(activated.status()).isEqualTo(409);
        assertThat(activated.text("/detail")).contains(campaign.toString());
    }

    @Test
    void refusesToActivateAJourneyWhoseCampaignIsBeingPausedOnceThePauseCommits() throws Exception {
        UUID campaign = CampaignMother.launched(api);
        String journey = create(journeyIn(campaign));
        try (Connection other = LockWaits.secondConnection(environment);
                var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            // another instance's pause, holding the campaign as a transition does, not yet committed
            try (PreparedStatement pause =
                    other.prepareStatement("UPDATE campaigns SET state = 'paused' WHERE id = ? AND state = 'launch'")) {
                pause.setObject(1, campaign);
                assertThat(pause.executeUpdate()).isEqualTo(1);
            }
            Future<Response> activation =
                    caller.submit(() -> api.post("/api/v1/campaigns/journeys/" + journey + "/activate", Map.of()));
            // the activation's read of its campaign now waits for the pause to end
            LockWaits.awaitStatementWaitingForLock(jdbc, "campaigns", activation);
            other.commit();

            Response activated = activation.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(activated.status()).as(String.valueOf(activated.body())).isEqualTo(409);
            assertThat(activated.text("/detail")).contains(campaign.toString());
        }
        assertThat(api.get("/api/v1/campaigns/journeys/" + journey)
                        .body()
                        .path("active")
                        .asBoolean())
                .isFalse();
    }

    /** A journey of the campaign that waits a few seconds after enrolment, then sends one e-mail. */
    private UUID mailAfterAWait(UUID campaign) {
        Map<String, Object> definition = Map.of(
                "name",
                "Mail after a wait " + UUID.randomUUID(),
                "campaign_id",
                campaign,
                "trigger",
                SmsJourneys.enrolledByHandOnly(api),
                "steps",
                List.of(
                        Map.of("id", "wait", "type", "wait", "duration", "5 seconds"),
                        Map.of("id", "mail", "type", "email", "template", "final_abandoned_cart"),
                        Map.of("id", "done", "type", "end")));
        String id = create(definition);
        Response activated = api.post("/api/v1/campaigns/journeys/" + id + "/activate", Map.of());
        assertThat(activated.status()).as(activated.body().toString()).isEqualTo(200);
        return UUID.fromString(id);
    }

    private UUID newCampaign() {
        Response created = api.post("/api/v1/campaigns", CampaignMother.createRequest());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("/id"));
    }

    private static Map<String, Object> journeyIn(UUID campaign) {
        Map<String, Object> definition =
                new HashMap<>(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        definition.put("campaign_id", campaign);
        return definition;
    }

    private String create(Map<String, Object> definition) {
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }
}
