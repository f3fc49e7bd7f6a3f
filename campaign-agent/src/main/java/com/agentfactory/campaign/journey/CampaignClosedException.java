package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

/**
 * A journey named a campaign that is over. A 409 rather than a 422: the definition is valid and the campaign
 * exists; it is the campaign's state that refuses, as it refuses a transition out of the archive.
 */
class CampaignClosedException extends ConflictException {

    CampaignClosedException(UUID campaignId) {
        super("Campaign " + campaignId + " is archived and takes no new journeys.");
    }
}
