package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.error.ConflictException;
import java.util.List;
import java.util.stream.Collectors;

/** A status change the state machine forbids; says which changes it would allow. */
class StatusChangeNotAllowedException extends ConflictException {

    StatusChangeNotAllowedException(AdCampaignStatus from, AdCampaignStatus to, List<AdCampaignStatus> allowed) {
        super("An ad campaign in " + from + " cannot move to " + to + "; allowed from " + from + ": "
                + (allowed.isEmpty()
                        ? "none (final status)"
                        : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")))
                + ".");
    }
}
