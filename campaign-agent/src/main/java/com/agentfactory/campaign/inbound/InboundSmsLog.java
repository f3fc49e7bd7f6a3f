package com.agentfactory.campaign.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inbound texts received, one row per provider message id, with what became of each; no phone numbers. Kept for
 * the retention of {@link InboundSmsRetention}.
 */
@Repository
class InboundSmsLog {

    private final JdbcTemplate jdbc;

    InboundSmsLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the message for this transaction; false when it was received before. A second delivery of the same
     * message while the first is being handled waits here for the first to commit, and then finds it claimed.
     */
    boolean claim(String provider, String messageId, Instant at) {
        return jdbc.update("""
                        INSERT INTO inbound_sms (provider, message_id, outcome, customers_matched, received_at)
                        VALUES (?, ?, 'received', 0, ?)
                        ON CONFLICT (provider, message_id) DO NOTHING
                        """, provider, messageId, Timestamp.from(at)) > 0;
    }

    /** Deletes up to {@code limit} of the messages received before the cutoff, oldest first; returns how many. */
    int forgetReceivedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM inbound_sms WHERE (provider, message_id) IN (
                    SELECT provider, message_id FROM inbound_sms
                    WHERE received_at < ? ORDER BY received_at
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                """, Timestamp.from(cutoff), limit);
    }

    void matched(String provider, String messageId, int customers) {
        jdbc.update(
                "UPDATE inbound_sms SET customers_matched = ? WHERE provider = ? AND message_id = ?",
                customers,
                provider,
                messageId);
    }

    void settle(String provider, String messageId, String outcome) {
        jdbc.update(
                "UPDATE inbound_sms SET outcome = ? WHERE provider = ? AND message_id = ?",
                outcome,
                provider,
                messageId);
    }
}
