package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

public class AdCampaignNotFoundException extends NotFoundException {

    public AdCampaignNotFoundException(UUID id) {
        super("Ad campaign " + id + " not found.");
    }
}
