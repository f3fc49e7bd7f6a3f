package com.agentfactory.campaign.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Experiments and their units, over JDBC so the ab command can read them from the database without the service
 * running. An arm's units are its send step's sends in the order they were written; each unit's metric is 1 when
 * the send was opened, clicked, or followed by an order within the conversion window, else 0 (a send that was
 * refused or never delivered is a unit that did not convert: the split assigned it all the same).
 */
@Repository
public class ExperimentRepository {

    private final JdbcTemplate jdbc;

    public ExperimentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Experiment experiment) {
        jdbc.update(
                """
                INSERT INTO experiments (id, name, journey_id, control_step, treatment_steps, metric, alpha, power,
                                         mde, tau, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                experiment.id(),
                experiment.name(),
                experiment.journeyId(),
                experiment.controlStep(),
                String.join("\n", experiment.treatmentSteps()),
                experiment.metric(),
                experiment.settings().alpha(),
                experiment.settings().power(),
                experiment.settings().mde(),
                experiment.settings().tau(),
                experiment.createdBy(),
                Timestamp.from(experiment.createdAt()));
    }

    boolean nameTaken(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM experiments WHERE lower(name) = lower(?))", Boolean.class, name));
    }

    Optional<String> journeyDefinition(UUID journeyId) {
        return jdbc.queryForList("SELECT definition FROM journeys WHERE id = ?", String.class, journeyId).stream()
                .findFirst();
    }

    public Optional<Experiment> find(UUID id) {
        return jdbc.query("SELECT * FROM experiments WHERE id = ?", ExperimentRepository::experiment, id).stream()
                .findFirst();
    }

    /** Newest first; {@code journeyId} null for every journey's. */
    List<Experiment> list(UUID journeyId, int page, int limit) {
        return jdbc.query(
                "SELECT * FROM experiments WHERE CAST(? AS UUID) IS NULL OR journey_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                ExperimentRepository::experiment,
                journeyId,
                journeyId,
                limit,
                (long) (page - 1) * limit);
    }

    long count(UUID journeyId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM experiments WHERE CAST(? AS UUID) IS NULL OR journey_id = ?",
                Long.class,
                journeyId,
                journeyId);
        return count == null ? 0 : count;
    }

    /** The step's units' metric values in the order the sends were written. */
    public double[] units(UUID journeyId, String stepId, String metric, Duration conversionWindow) {
        String outcome =
                switch (metric) {
                    case "opened", "clicked" ->
                        "EXISTS (SELECT 1 FROM send_events e WHERE e.send_id = s.id AND e.kind = '" + metric + "')";
                    case "converted" -> """
                (s.status = 'sent' AND EXISTS (SELECT 1 FROM customer_orders o
                    WHERE o.customer_id = s.customer_id AND o.placed_total > o.cancelled_total
                      AND o.placed_at >= s.sent_at AND o.placed_at < s.sent_at + make_interval(secs => ?)))
                """;
                    default -> throw new IllegalArgumentException("unknown metric " + metric);
                };
        String sql = "SELECT " + outcome + " AS outcome FROM sends s WHERE s.journey_id = ? AND s.step_id = ?"
                + " ORDER BY s.created_at, s.id";
        List<Boolean> outcomes = metric.equals("converted")
                ? jdbc.queryForList(sql, Boolean.class, (double) conversionWindow.toSeconds(), journeyId, stepId)
                : jdbc.queryForList(sql, Boolean.class, journeyId, stepId);
        return outcomes.stream()
                .mapToDouble(hit -> Boolean.TRUE.equals(hit) ? 1 : 0)
                .toArray();
    }

    private static Experiment experiment(ResultSet rs, int row) throws SQLException {
        return new Experiment(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("journey_id", UUID.class),
                rs.getString("control_step"),
                Arrays.asList(rs.getString("treatment_steps").split("\n")),
                rs.getString("metric"),
                new AnalysisSettings(
                        rs.getDouble("alpha"),
                        rs.getDouble("power"),
                        rs.getDouble("mde"),
                        rs.getDouble("tau"),
                        AnalysisSettings.DEFAULTS.burnIn()),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
