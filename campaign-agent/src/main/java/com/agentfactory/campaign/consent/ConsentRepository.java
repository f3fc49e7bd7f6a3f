package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consents (latest per channel, plus every change) and suppressions, keyed by customer. */
@Repository
class ConsentRepository {

    private final JdbcTemplate jdbc;

    ConsentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(ConsentRecord consent) {
        Timestamp at = Timestamp.from(consent.recordedAt());
        jdbc.update(
                """
                INSERT INTO consents (customer_id, channel, granted, source, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (customer_id, channel) DO UPDATE SET
                    granted = EXCLUDED.granted, source = EXCLUDED.source,
                    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
                """,
                consent.customerId(),
                consent.channel().wireName(),
                consent.granted(),
                consent.source(),
                consent.recordedBy(),
                at);
        jdbc.update(
                """
                INSERT INTO consent_changes (customer_id, channel, granted, source, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                consent.customerId(),
                consent.channel().wireName(),
                consent.granted(),
                consent.source(),
                consent.recordedBy(),
                at);
    }

    List<ConsentRecord> consentsOf(UUID customerId) {
        return jdbc.query(
                """
                SELECT customer_id, channel, granted, source, recorded_by, recorded_at
                FROM consents WHERE customer_id = ? ORDER BY channel
                """,
                (rs, row) -> new ConsentRecord(
                        rs.getObject("customer_id", UUID.class),
                        Channel.of(rs.getString("channel"), "channel"),
                        rs.getBoolean("granted"),
                        rs.getString("source"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()),
                customerId);
    }

    void suppress(Suppression suppression) {
        jdbc.update(
                """
                INSERT INTO suppressions (customer_id, channel, reason, suppressed_by, suppressed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id, channel) DO UPDATE SET
                    reason = EXCLUDED.reason, suppressed_by = EXCLUDED.suppressed_by,
                    suppressed_at = EXCLUDED.suppressed_at
                """,
                suppression.customerId(),
                suppression.channel(),
                suppression.reason(),
                suppression.suppressedBy(),
                Timestamp.from(suppression.suppressedAt()));
    }

    /**
     * Suppresses unless the customer is suppressed on the channel already by someone other than {@code by}: a
     * suppression {@code by} made before is renewed, anyone else's is kept as it is.
     */
    void suppressUnlessSuppressed(Suppression suppression, String by) {
        jdbc.update(
                """
                INSERT INTO suppressions (customer_id, channel, reason, suppressed_by, suppressed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id, channel) DO UPDATE SET
                    reason = EXCLUDED.reason, suppressed_by = EXCLUDED.suppressed_by,
                    suppressed_at = EXCLUDED.suppressed_at
                WHERE suppressions.suppressed_by = ?
                """,
                suppression.customerId(),
                suppression.channel(),
                suppression.reason(),
                suppression.suppressedBy(),
                Timestamp.from(suppression.suppressedAt()),
                by);
    }

    boolean liftBy(UUID customerId, String channel, String suppressedBy) {
        return jdbc.update(
                        "DELETE FROM suppressions WHERE customer_id = ? AND channel = ? AND suppressed_by = ?",
                        customerId,
                        channel,
                        suppressedBy)
                > 0;
    }

    boolean lift(UUID customerId, String channel) {
        return jdbc.update("DELETE FROM suppressions WHERE customer_id = ? AND channel = ?", customerId, channel) > 0;
    }

    List<Suppression> suppressionsOf(UUID customerId) {
        return jdbc.query(
                """
                SELECT customer_id, channel, reason, suppressed_by, suppressed_at
                FROM suppressions WHERE customer_id = ? ORDER BY channel
                """,
                (rs, row) -> new Suppression(
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("reason"),
                        rs.getString("suppressed_by"),
                        rs.getTimestamp("suppressed_at").toInstant()),
                customerId);
    }

    List<SuppressionResponse> suppressions(String channel, UUID customerId, int page, int limit) {
        return jdbc.query(
                """
                SELECT s.customer_id, c.customer_number, c.email, s.channel, s.reason, s.suppressed_by,
                       s.suppressed_at
                FROM suppressions s LEFT JOIN customers c ON c.customer_id = s.customer_id
                WHERE (CAST(? AS VARCHAR) IS NULL OR s.channel = ?) AND (CAST(? AS UUID) IS NULL OR s.customer_id = ?)
                ORDER BY s.suppressed_at DESC, s.customer_id, s.channel
                LIMIT ? OFFSET ?
                """,
                (rs, row) -> new SuppressionResponse(
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_number"),
                        rs.getString("email"),
                        rs.getString("channel"),
                        rs.getString("reason"),
                        rs.getString("suppressed_by"),
                        rs.getTimestamp("suppressed_at").toInstant()),
                channel,
                channel,
                customerId,
                customerId,
                limit,
                (long) (page - 1) * limit);
    }

    long countSuppressions(String channel, UUID customerId) {
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM suppressions
                WHERE (CAST(? AS VARCHAR) IS NULL OR channel = ?) AND (CAST(? AS UUID) IS NULL OR customer_id = ?)
                """, Long.class, channel, channel, customerId, customerId);
        return count == null ? 0 : count;
    }
}
