package com.agentfactory.campaign.journey;

import java.time.Instant;
import java.util.UUID;

record JourneyResponse(
        UUID id,
        String name,
        UUID campaignId,
        boolean active,
        Instant activatedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        JourneyDefinition definition) {

    static JourneyResponse of(Journey journey) {
        return new JourneyResponse(
                journey.id(),
                journey.name(),
                journey.campaignId(),
                journey.active(),
                journey.activatedAt(),
                journey.createdBy(),
                journey.createdAt(),
                journey.updatedAt(),
                JourneyDefinitions.fromStored(journey.definition()).definition());
    }
}
