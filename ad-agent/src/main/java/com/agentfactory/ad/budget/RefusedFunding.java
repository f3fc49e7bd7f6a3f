package com.agentfactory.ad.budget;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The campaigns finance holds back: those whose newest tranche of an open allowance finance refused, and which bid
 * only on what they already hold until it reserves one again. Read from the ad schema, so it is the same after a
 * restart and on every instance (alert on the max, not the sum).
 */
@Component
class RefusedFunding {

    private static final Logger log = LoggerFactory.getLogger(RefusedFunding.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong heldBack = new AtomicLong();

    RefusedFunding(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("ad.budget.campaigns.refused", heldBack, AtomicLong::get)
                .description("campaigns whose latest tranche finance refused, funded again only after a backoff")
                .register(registry);
    }

    /** As often as the keeper asks finance: the figure cannot change faster. */
    @Scheduled(fixedDelayString = "${agentfactory.ad.budget.keeper-interval}")
    void refresh() {
        try {
            Long count = jdbc.queryForObject(
                    "SELECT count(*) FROM (SELECT DISTINCT ON (r.campaign_id) r.status FROM ad_budget_reservations r"
                            + " JOIN ad_spend_allowances a ON a.campaign_id = r.campaign_id AND a.day = r.day"
                            + " AND a.status = 'OPEN' WHERE r.kind = 'TRANCHE'"
                            + " ORDER BY r.campaign_id, r.created_at DESC, r.id DESC) newest"
                            + " WHERE newest.status = 'REFUSED'",
                    Long.class);
            heldBack.set(count == null ? 0 : count);
        } catch (RuntimeException e) {
            // the last figure stays; the database being unreachable is alerted on by itself
            log.debug("refused funding not refreshed: {}", e.getMessage());
        }
    }

    long heldBack() {
        return heldBack.get();
    }
}
