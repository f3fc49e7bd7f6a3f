package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class CampaignNotFoundException extends NotFoundException {

    CampaignNotFoundException(UUID id) {
        super("Campaign " + id + " not found.");
    }
}
