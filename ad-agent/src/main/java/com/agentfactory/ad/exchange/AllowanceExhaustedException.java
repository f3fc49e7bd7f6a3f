package com.agentfactory.ad.exchange;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

/** A win notice whose cost today's allowance cannot cover; nothing is recorded or spent. */
class AllowanceExhaustedException extends ConflictException {

    AllowanceExhaustedException(UUID campaignId) {
        super("The spend allowance of ad campaign " + campaignId + " cannot cover this impression.");
    }
}
