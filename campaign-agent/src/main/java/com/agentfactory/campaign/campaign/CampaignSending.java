package com.agentfactory.campaign.campaign;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a campaign's journeys may enrol and send now. The journey and delivery packages ask; only this package
 * moves a campaign through its lifecycle, so pausing or archiving it is what stops its messages.
 */
@Component
public class CampaignSending {

    private final CampaignRepository campaigns;

    CampaignSending(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public Permission permission(UUID campaignId) {
        return campaigns
                .findById(campaignId)
                .map(campaign -> permissionIn(campaign.state()))
                // journeys reference campaigns by foreign key and campaigns are never deleted
                .orElse(Permission.CLOSED);
    }

    /**
     * The permission, holding until the caller's transaction ends (hence mandatory): the campaign stays
     * share-locked, so a transition (which locks it for update) cannot pause or end it between this answer and
     * what the caller does because of it. Without the lock, a journey activated on the permission of a campaign
     * whose pause was committing would become active after the pause had been answered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Permission permissionUntilCommit(UUID campaignId) {
        return campaigns
                .findForShare(campaignId)
                .map(campaign -> permissionIn(campaign.state()))
                .orElse(Permission.CLOSED);
    }

    static Permission permissionIn(CampaignState state) {
        if (CampaignLifecycle.sends(state)) {
            return Permission.OPEN;
        }
        return CampaignLifecycle.maySendLater(state) ? Permission.HELD : Permission.CLOSED;
    }

    public enum Permission {
        /** Launched and running: its journeys enrol and send. */
        OPEN,
        /** Not launched yet, or paused: nothing enrols or goes out, and what is queued waits for the launch. */
        HELD,
        /** Over (analysed, reported or archived): it will never send again, so what is queued is dropped. */
        CLOSED
    }
}
