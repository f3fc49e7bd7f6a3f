package com.agentfactory.campaign.campaign;

import java.time.Instant;

/** One entry of a campaign's history; {@code from_state} is null for its creation. */
record CampaignTransitionResponse(String fromState, String toState, String actor, String reason, Instant occurredAt) {

    static CampaignTransitionResponse of(CampaignTransition transition) {
        return new CampaignTransitionResponse(
                transition.fromState(),
                transition.toState(),
                transition.actor(),
                transition.reason(),
                transition.occurredAt());
    }
}
