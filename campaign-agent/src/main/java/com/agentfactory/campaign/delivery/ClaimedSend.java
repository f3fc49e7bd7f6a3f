package com.agentfactory.campaign.delivery;

import java.util.Map;
import java.util.UUID;

/**
 * A send the dispatcher holds the lease of; its id is the idempotency key every channel is given. The claim token
 * tells this claim from a later one of the same send; the campaign is that of the send's journey, if any. Its
 * attempts are those counted so far: as claimed, the earlier ones; once its attempt started, this one too.
 */
record ClaimedSend(
        UUID id,
        UUID enrolmentId,
        String stepId,
        UUID journeyId,
        UUID customerId,
        String channel,
        String templateId,
        String target,
        Map<String, Object> variables,
        int attempts,
        UUID claimToken,
        UUID campaignId) {

    /** The same claim, with its attempts counted so far. */
    ClaimedSend withAttempts(int counted) {
        return new ClaimedSend(
                id,
                enrolmentId,
                stepId,
                journeyId,
                customerId,
                channel,
                templateId,
                target,
                variables,
                counted,
                claimToken,
                campaignId);
    }
}
