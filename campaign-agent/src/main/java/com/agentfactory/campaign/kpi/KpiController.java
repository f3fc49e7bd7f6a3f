package com.agentfactory.campaign.kpi;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/api/v1/campaigns/journeys/{journey_id}/kpis")
    JourneyKpisResponse journey(@PathVariable("journey_id") UUID journeyId) {
        return kpis.kpis(journeyId);
    }

    @GetMapping("/api/v1/campaigns/kpis")
    JourneyKpisResponse all() {
        return kpis.kpis(null);
    }
}
