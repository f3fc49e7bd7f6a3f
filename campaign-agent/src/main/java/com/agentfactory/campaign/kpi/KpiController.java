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
    KpisResponse journey(@PathVariable("journey_id") UUID journeyId) {
        return kpis.kpis(KpiScope.journey(journeyId));
    }

    /** Over the journeys that belong to the campaign (listed as journey_ids); zeros for a campaign without any. */
    @GetMapping("/api/v1/campaigns/{id}/kpis")
    KpisResponse campaign(@PathVariable UUID id) {
        return kpis.kpis(KpiScope.campaign(id));
    }

    @GetMapping("/api/v1/campaigns/kpis")
    KpisResponse all() {
        return kpis.kpis(KpiScope.all());
    }
}
