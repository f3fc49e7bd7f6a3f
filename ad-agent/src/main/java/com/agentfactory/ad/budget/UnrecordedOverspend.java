package com.agentfactory.ad.budget;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Money owed to the exchanges that finance refuses to record, per currency: spend won beyond the allowances whose
 * recording finance answered with a refusal (no budget for the month, a budget in another currency) and that the
 * keeper still asks for on every pass. Nothing but a person setting finance right ends it, and until then the
 * department's ledger and budget show less than the exchanges bill, so operators are alerted on it.
 *
 * <p>A gauge of what is outstanding, not a counter of refusals: the keeper asks again on every pass, so a count of
 * refusals grows with the pass interval and says neither how much is owed nor whether it still is. It is read from
 * the ad schema, so it is the same after a restart and on every instance (alert on the max, not the sum). Overspend
 * finance did not answer for is left out: a later pass books it without anyone acting, and finance being down is
 * alerted on by itself. Every currency a campaign spends in is reported, at zero when nothing is owed in it, so
 * money recorded at last shows as a zero rather than a series that stops.
 */
@Component
class UnrecordedOverspend {

    private static final Logger log = LoggerFactory.getLogger(UnrecordedOverspend.class);

    private final JdbcTemplate jdbc;
    private final MultiGauge owed;

    UnrecordedOverspend(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.owed = MultiGauge.builder("ad.overspend.unrecorded")
                .description("spend beyond the allowances that finance refused to record and is asked for again on"
                        + " every keeper pass, in the currency's main unit")
                .register(registry);
    }

    /** As often as the keeper asks finance: the figure cannot change faster. */
    @Scheduled(fixedDelayString = "${agentfactory.ad.budget.keeper-interval}")
    void refresh() {
        try {
            owed.register(
                    jdbc.query(
                            // an overspend row gets a detail while pending only from a refusal (AllowanceKeeper.drive)
                            "SELECT c.currency, COALESCE(SUM(r.amount), 0) AS owed FROM (SELECT currency FROM"
                                    + " ad_campaigns UNION SELECT currency FROM ad_budget_reservations WHERE kind ="
                                    + " 'OVERSPEND' AND status = 'PENDING') c LEFT JOIN ad_budget_reservations r ON"
                                    + " r.currency = c.currency AND r.kind = 'OVERSPEND' AND r.status = 'PENDING'"
                                    + " AND r.detail IS NOT NULL GROUP BY c.currency",
                            (rs, n) -> MultiGauge.Row.of(
                                    Tags.of("currency", rs.getString("currency")),
                                    rs.getBigDecimal("owed").doubleValue())),
                    true);
        } catch (RuntimeException e) {
            // the last figures stay; the database being unreachable is alerted on by itself
            log.debug("unrecorded overspend not refreshed: {}", e.getMessage());
        }
    }
}
