package com.agentfactory.finance.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the reporting views (agent_performance_daily, customer_journey_metrics, revenue_by_segment_daily)
 * concurrently, so readers keep seeing the previous contents while a refresh runs.
 */
@Component
class AnalyticsViews {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsViews.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastRefresh = new AtomicReference<>();

    AnalyticsViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${agentfactory.finance.analytics.refresh-initial-delay:PT1M}",
            fixedDelayString = "${agentfactory.finance.analytics.refresh-interval:PT15M}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Reporting views not refreshed: {}", e.getMessage());
        }
    }

    /** Refreshes all three views; returns when they were refreshed. */
    public Instant refresh() {
        long started = System.nanoTime();
        jdbc.queryForList("SELECT refresh_finance_views()");
        Instant now = clock.instant();
        lastRefresh.set(now);
        log.info("Reporting views refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
        return now;
    }

    /** When this instance last refreshed the views; null before its first refresh. */
    public Instant lastRefresh() {
        return lastRefresh.get();
    }
}
