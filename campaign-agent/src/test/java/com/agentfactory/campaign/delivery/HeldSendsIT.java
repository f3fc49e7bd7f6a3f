package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.campaign.CampaignMother;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sends of a campaign that does not send now, held by the agent's own dispatcher. */
class HeldSendsIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Sends sends;

    @Autowired
    DeliveryProperties properties;

    @Test
    void aPausedCampaignsHeldSendIsLeftOutOfTheClaimsUntilTheCampaignResumesThenGoesOut() {
        UUID campaign = CampaignMother.launched(api);
        UUID journey = EmailJourneys.oneEmail(api, ClaimedSendMother.TEMPLATE, campaign);
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        CampaignMother.moveTo(api, campaign, "paused", "complaint rate above threshold");
        // as the journey engine queues a send of the paused campaign's journey
        ClaimedSend queued = ClaimedSendMother.email(customer, journey);
        ClaimedSendMother.writeAsQueued(jdbc, queued, Instant.now());
        awaitHeld(queued);

        // long after the campaign was asked, it is paused still: the send must not take a claim's place
        List<ClaimedSend> claimed = sends.claim(
                Instant.now().plus(properties.campaignHoldRecheck().multipliedBy(10)), 10_000, properties.lease());

        assertThat(claimed).extracting(ClaimedSend::id).doesNotContain(queued.id());
        assertThat(Mailbox.messagesTo(customer.toString())).isEmpty();

        CampaignMother.moveTo(api, campaign, "launch", "complaints explained");

        await().atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForObject("SELECT status FROM sends WHERE id = ?", String.class, queued.id()),
                        "sent"::equals);
        assertThat(Mailbox.messagesTo(customer.toString())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM sends WHERE id = ?", Integer.class, queued.id()))
                .as("holding it was no attempt")
                .isEqualTo(1);
    }

    @Test
    void aHeldSendOfAJourneyDeactivatedWhileItsCampaignIsPausedIsRefusedWithoutWaitingForTheCampaign() {
        UUID campaign = CampaignMother.launched(api);
        UUID journey = EmailJourneys.oneEmail(api, ClaimedSendMother.TEMPLATE, campaign);
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        CampaignMother.moveTo(api, campaign, "paused", "wrong offer in the mail");
        ClaimedSend queued = ClaimedSendMother.email(customer, journey);
        ClaimedSendMother.writeAsQueued(jdbc, queued, Instant.now());
        awaitHeld(queued);

        assertThat(api.post("/api/v1/campaigns/journeys/" + journey + "/deactivate", Map.of())
                        .status())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForObject("SELECT status FROM sends WHERE id = ?", String.class, queued.id()),
                        "refused"::equals);
        assertThat(jdbc.queryForObject("SELECT reason FROM send_skips WHERE send_id = ?", String.class, queued.id()))
                .isEqualTo("journey_inactive");
    }

    private void awaitHeld(ClaimedSend queued) {
        await().atMost(PATIENCE)
                .alias("the dispatcher holds the send")
                .until(() -> jdbc.queryForList(
                                        "SELECT 1 FROM sends WHERE id = ? AND status = 'pending' AND reason LIKE '%paused%'",
                                        queued.id())
                                .size()
                        == 1);
    }
}
