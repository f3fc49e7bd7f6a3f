package com.agentfactory.finance.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the reporting views; what they show is as of their last refresh. */
@Repository
class AnalyticsRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    AnalyticsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AgentPerformance> agentPerformance(LocalDate from, LocalDate to, String model) {
        return jdbc.query(
                "SELECT * FROM agent_performance_daily WHERE performance_date BETWEEN ?::date AND ?::date"
                        + " AND attribution_model = ? ORDER BY performance_date, agent",
                (rs, row) -> new AgentPerformance(
                        rs.getObject("performance_date", LocalDate.class),
                        rs.getString("agent"),
                        rs.getString("attribution_model"),
                        rs.getLong("total_interactions"),
                        rs.getLong("customer_touchpoints"),
                        rs.getLong("tasks_completed"),
                        rs.getLong("tasks_failed"),
                        rs.getBigDecimal("avg_response_time_ms"),
                        rs.getBigDecimal("success_rate"),
                        rs.getBigDecimal("touchpoint_conversion_rate"),
                        JSON.readValue(
                                rs.getString("revenue_attributed"), new TypeReference<Map<String, BigDecimal>>() {})),
                from.toString(),
                to.toString(),
                model);
    }

    List<JourneyCohort> journey(LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT * FROM customer_journey_metrics WHERE cohort_date BETWEEN ?::date AND ?::date"
                        + " ORDER BY cohort_date",
                (rs, row) -> new JourneyCohort(
                        rs.getObject("cohort_date", LocalDate.class),
                        rs.getLong("total_visitors"),
                        rs.getLong("considered"),
                        rs.getLong("showed_intent"),
                        rs.getLong("purchased"),
                        rs.getBigDecimal("avg_hours_to_purchase")),
                from.toString(),
                to.toString());
    }

    List<SegmentRevenue> revenueBySegment(LocalDate from, LocalDate to) {
        return jdbc.query(
                "SELECT * FROM revenue_by_segment_daily WHERE revenue_date BETWEEN ?::date AND ?::date"
                        + " ORDER BY revenue_date, segment, currency",
                (rs, row) -> new SegmentRevenue(
                        rs.getObject("revenue_date", LocalDate.class),
                        rs.getString("segment"),
                        rs.getString("currency"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("refunds"),
                        rs.getLong("orders"),
                        rs.getLong("customers")),
                from.toString(),
                to.toString());
    }

    record AgentPerformance(
            LocalDate performanceDate,
            String agent,
            String attributionModel,
            long totalInteractions,
            long customerTouchpoints,
            long tasksCompleted,
            long tasksFailed,
            BigDecimal avgResponseTimeMs,
            BigDecimal successRate,
            BigDecimal touchpointConversionRate,
            Map<String, BigDecimal> revenueAttributed) {}

    record JourneyCohort(
            LocalDate cohortDate,
            long totalVisitors,
            long considered,
            long showedIntent,
            long purchased,
            BigDecimal avgHoursToPurchase) {}

    record SegmentRevenue(
            LocalDate revenueDate,
            String segment,
            String currency,
            BigDecimal revenue,
            BigDecimal refunds,
            long orders,
            long customers) {}
}
