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
 * Reservations finance refused to commit or release while a day was settled, which the keeper set aside for a
 * person (see {@link AllowanceKeeper}): until someone finds out at finance what became of the money and marks the
 * row, the department's ledger may not show what the exchanges bill. A gauge of rows still set aside, read from the
 * ad schema, so it is the same after a restart and on every instance (alert on the max, not the sum).
 */
@Component
class RefusedSettlements {

    private static final Logger log = LoggerFactory.getLogger(RefusedSettlements.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong setAside = new AtomicLong();

    RefusedSettlements(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("ad.budget.settlements.refused", setAside, AtomicLong::get)
                .description("reservations finance refused to commit or release, left for a person to settle")
                .register(registry);
    }

    /** As often as the keeper settles: the figure cannot change faster. */
    @Scheduled(fixedDelayString = "${agentfactory.ad.budget.keeper-interval}")
    void refresh() {
        try {
            Long count = jdbc.queryForObject(
                    "SELECT count(*) FROM ad_budget_reservations WHERE status = ?",
                    Long.class,
                    AllowanceKeeper.NEEDS_PERSON);
            setAside.set(count == null ? 0 : count);
        } catch (RuntimeException e) {
            // the last figure stays; the database being unreachable is alerted on by itself
            log.debug("refused settlements not refreshed: {}", e.getMessage());
        }
    }

    long setAside() {
        return setAside.get();
    }
}
