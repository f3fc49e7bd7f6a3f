package com.agentfactory.campaign.journey;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Compiled journeys by id. A stored definition never changes (a new version is a new journey), so they are kept. */
@Component
class JourneyCatalogue {

    private final JourneyRepository journeys;
    private final Map<UUID, CompiledJourney> compiled = new ConcurrentHashMap<>();

    JourneyCatalogue(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    CompiledJourney get(UUID journeyId) {
        return compiled.computeIfAbsent(journeyId, id -> journeys.findById(id)
                .map(journey -> JourneyDefinitions.fromStored(journey.definition()))
                .orElseThrow(() -> new JourneyNotFoundException(id)));
    }
}
