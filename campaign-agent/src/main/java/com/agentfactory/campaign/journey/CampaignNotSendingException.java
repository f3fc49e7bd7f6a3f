package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

/**
 * A journey asked to start or enrol while its campaign does not send: not launched yet, paused, or over. A 409 as
 * for an archived campaign: the request is valid, the campaign's state refuses it.
 */
class CampaignNotSendingException extends ConflictException {

    CampaignNotSendingException(UUID campaignId, String refused) {
        super("Campaign " + campaignId + " is not sending (it has not launched, is paused or is over), so " + refused
                + " is refused.");
    }
}
