package com.agentfactory.campaign.kpi;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A journey's KPIs, a campaign's (over its journeys), or all journeys' together. */
@Service
class KpiService {

    private final KpiQueries queries;
    private final KpiProperties properties;

    KpiService(KpiQueries queries, KpiProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    // repeatable read, so the counts are of one moment, the rates never exceed 1, and a campaign's journey list is
    // the one its figures were counted over
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KpisResponse kpis(KpiScope scope) {
        UUID journeyId = null;
        UUID campaignId = null;
        List<UUID> journeyIds = null;
        switch (scope.kind()) {
            case JOURNEY -> {
                journeyId = scope.id();
                if (!queries.journeyExists(journeyId)) {
                    throw new NotFoundException("Journey " + journeyId + " not found.");
                }
            }
            case CAMPAIGN -> {
                campaignId = scope.id();
                if (!queries.campaignExists(campaignId)) {
                    throw new NotFoundException("Campaign " + campaignId + " not found.");
                }
                journeyIds = queries.journeysOf(campaignId);
            }
            case ALL -> {
                // neither id: every send counts
            }
        }
        Map<String, Long> byStatus = queries.sendsByStatus(scope);
        long delivered = byStatus.getOrDefault("sent", 0L);
        long failed = byStatus.getOrDefault("failed", 0L);
        long bounced = byStatus.getOrDefault("bounced", 0L);
        long pending = byStatus.getOrDefault("pending", 0L) + byStatus.getOrDefault("sending", 0L);
        long opened = queries.tracked(scope, "opened");
        long clicked = queries.tracked(scope, "clicked");
        return new KpisResponse(
                journeyId,
                campaignId,
                journeyIds,
                delivered + failed + bounced,
                delivered,
                failed,
                bounced,
                pending,
                opened,
                clicked,
                queries.converted(scope, properties.conversionWindow()),
                queries.unsubscribed(scope),
                queries.attributedOrders(scope, properties.conversionWindow()),
                queries.revenue(scope, properties.conversionWindow()),
                queries.skipsByReason(scope),
                new KpisResponse.Rates(share(opened, delivered), share(clicked, delivered), share(clicked, opened)));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
