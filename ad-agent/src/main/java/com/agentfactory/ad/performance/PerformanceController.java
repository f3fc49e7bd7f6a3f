package com.agentfactory.ad.performance;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PerformanceController {

    private final CampaignPerformance performance;

    PerformanceController(CampaignPerformance performance) {
        this.performance = performance;
    }

    @GetMapping("/api/v1/ads/campaigns/{id}/metrics")
    CampaignMetrics metrics(@PathVariable UUID id) {
        return performance.of(id);
    }
}
