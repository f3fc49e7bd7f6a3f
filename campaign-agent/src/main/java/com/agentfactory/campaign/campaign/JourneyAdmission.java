package com.agentfactory.campaign.campaign;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Whether a campaign may take a new journey: it must exist and not be over (archived). */
@Component
public class JourneyAdmission {

    private final CampaignRepository campaigns;

    JourneyAdmission(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * The answer holds until the caller's transaction ends (hence mandatory): the campaign stays share-locked, so
     * it cannot be archived between this check and the journey being stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome admit(UUID campaignId) {
        return campaigns
                .findForShare(campaignId)
                .map(campaign ->
                        CampaignLifecycle.isFinal(campaign.state()) ? Outcome.CAMPAIGN_CLOSED : Outcome.ADMITTED)
                .orElse(Outcome.UNKNOWN_CAMPAIGN);
    }

    public enum Outcome {
        ADMITTED,
        UNKNOWN_CAMPAIGN,
        /** The campaign is in a final state (archived). */
        CAMPAIGN_CLOSED
    }
}
