package com.agentfactory.campaign.kpi;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A journey's KPIs, or all journeys' together. */
@Service
class KpiService {

    private final KpiQueries queries;
    private final KpiProperties properties;

    KpiService(KpiQueries queries, KpiProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    // repeatable read, so the counts are of one moment and the rates never exceed 1
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public JourneyKpisResponse kpis(UUID journeyId) {
        if (journeyId != null && !queries.journeyExists(journeyId)) {
            throw new NotFoundException("Journey " + journeyId + " not found.");
        }
        Map<String, Long> byStatus = queries.sendsByStatus(journeyId);
        long delivered = byStatus.getOrDefault("sent", 0L);
        long failed = byStatus.getOrDefault("failed", 0L);
        long bounced = byStatus.getOrDefault("bounced", 0L);
        long pending = byStatus.getOrDefault("pending", 0L) + byStatus.getOrDefault("sending", 0L);
        long opened = queries.tracked(journeyId, "opened");
        long clicked = queries.tracked(journeyId, "clicked");
        return new JourneyKpisResponse(
                journeyId,
                delivered + failed + bounced,
                delivered,
                failed,
                bounced,
                pending,
                opened,
                clicked,
                queries.converted(journeyId, properties.conversionWindow()),
                queries.unsubscribed(journeyId),
                queries.attributedOrders(journeyId, properties.conversionWindow()),
                queries.revenue(journeyId, properties.conversionWindow()),
                queries.skipsByReason(journeyId),
                new JourneyKpisResponse.Rates(
                        share(opened, delivered), share(clicked, delivered), share(clicked, opened)));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
