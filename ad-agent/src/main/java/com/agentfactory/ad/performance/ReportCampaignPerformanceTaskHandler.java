package com.agentfactory.ad.performance;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The metrics of one campaign, or of every campaign when none is named. */
@Component
class ReportCampaignPerformanceTaskHandler
        implements TaskHandler<
                ReportCampaignPerformanceTaskHandler.Request, ReportCampaignPerformanceTaskHandler.Report> {

    /** @param campaignId the campaign to report on; absent: all campaigns */
    record Request(UUID campaignId) {}

    record Report(List<CampaignMetrics> campaigns) {}

    private final CampaignPerformance performance;

    ReportCampaignPerformanceTaskHandler(CampaignPerformance performance) {
        this.performance = performance;
    }

    @Override
    public String taskType() {
        return "report-campaign-performance";
    }

    @Override
    public String description() {
        return "Reports spend, impressions, win rate, CTR, CVR, CPA, eCPC, ROAS and impression share of one ad campaign or all.";
    }

    @Override
    public Request example() {
        return new Request(null);
    }

    @Override
    public Report handle(Request input, TaskContext context) {
        return new Report(input.campaignId() == null ? performance.all() : List.of(performance.of(input.campaignId())));
    }
}
