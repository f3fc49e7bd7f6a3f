package com.agentfactory.campaign.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sends table as the dispatcher uses it. A claim is a lease: the row is marked sending until a time, and
 * one whose dispatcher died is claimed again when the lease runs out, with the same id as idempotency key.
 */
@Repository
class Sends {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    Sends(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims due sends under one token, which each send's later updates must still find: a dispatcher whose lease
     * ran out has lost the send to whoever claimed it next. The campaign comes with the send (through its journey)
     * so the dispatcher can ask whether the campaign sends at all now. A claim is no attempt (see
     * {@link #startAttempt}): a batch may outlast its lease and the rest of it be claimed by another dispatcher, again
     * and again under load, and a send that was never tried must not run out of attempts. A held send is due at
     * infinity, so the range scan of the due index never reaches it.
     */
    List<ClaimedSend> claim(Instant now, int limit, Duration lease) {
        UUID token = UUID.randomUUID();
        return jdbc.query(
                """
                UPDATE sends SET status = 'sending', next_attempt_at = ?, claim_token = ?
                WHERE id IN (SELECT id FROM sends
                             WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, enrolment_id, step_id, journey_id, customer_id, channel, template_id, target, variables,
                          attempts, claim_token,
                          (SELECT j.campaign_id FROM journeys j WHERE j.id = sends.journey_id) AS campaign_id
                """,
                (rs, row) -> new ClaimedSend(
                        rs.getObject("id", UUID.class),
                        rs.getObject("enrolment_id", UUID.class),
                        rs.getString("step_id"),
                        rs.getObject("journey_id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("template_id"),
                        rs.getString("target"),
                        JSON.readValue(rs.getString("variables"), MAP),
                        rs.getInt("attempts"),
                        rs.getObject("claim_token", UUID.class),
                        rs.getObject("campaign_id", UUID.class)),
                Timestamp.from(now.plus(lease)),
                token,
                Timestamp.from(now),
                limit);
    }

    /**
     * Counts an attempt of the send and extends its lease from now, if this claim still holds it: the send as this
     * attempt has it (its attempts counted so far, this one included), or empty when the lease ran out and another
     * dispatcher claimed the send (or it was settled meanwhile), which must then not be delivered from here.
     */
    Optional<ClaimedSend> startAttempt(ClaimedSend send, Instant now, Duration lease) {
        return jdbc
                .queryForList("""
                        UPDATE sends SET next_attempt_at = ?, attempts = attempts + 1
                        WHERE id = ? AND claim_token = ? AND status = 'sending'
                        RETURNING attempts
                        """, Integer.class, Timestamp.from(now.plus(lease)), send.id(), send.claimToken())
                .stream()
                .findFirst()
                .map(send::withAttempts);
    }

    /**
     * Extends the send's lease from now, if this claim still holds it; false when the lease ran out and another
     * dispatcher claimed the send (or it was settled meanwhile), which must then not be delivered from here.
     */
    boolean renew(ClaimedSend send, Instant now, Duration lease) {
        return jdbc.update(
                        "UPDATE sends SET next_attempt_at = ? WHERE id = ? AND claim_token = ? AND status = 'sending'",
                        Timestamp.from(now.plus(lease)),
                        send.id(),
                        send.claimToken())
                > 0;
    }

    /** Whether the send's journey has been deactivated; a send of no journey (or of one since removed) is not. */
    boolean journeyDeactivated(ClaimedSend send) {
        if (send.journeyId() == null) {
            return false;
        }
        return jdbc.queryForList("SELECT active FROM journeys WHERE id = ?", Boolean.class, send.journeyId()).stream()
                .anyMatch(Boolean.FALSE::equals);
    }

    /**
     * Puts the send back untried, due at infinity, for as long as its campaign does not send (not launched yet, or
     * paused): no claim takes it again until {@link #release} makes it due, so a large paused campaign does not spend
     * every claim on sends it would only hold again, while other sends wait behind them. No skip is recorded: the
     * send is not skipped, and a long pause would write one per look. The attempt started is given back.
     */
    void hold(ClaimedSend send, String reason) {
        jdbc.update("""
                UPDATE sends SET status = 'pending', next_attempt_at = 'infinity', reason = ?, attempts = attempts - 1
                WHERE id = ? AND claim_token = ? AND status = 'sending'
                """, truncate(reason), send.id(), send.claimToken());
    }

    /**
     * The journeys that have held sends, each with the campaign it belongs to now (null when none) and whether it is
     * active; answered from the held-sends index (sends_held_idx) without reading the held sends themselves.
     */
    List<HeldJourney> heldJourneys() {
        return jdbc.query(
                """
                SELECT j.id, j.campaign_id, j.active FROM journeys j
                WHERE EXISTS (SELECT 1 FROM sends s
                              WHERE s.journey_id = j.id AND s.status = 'pending' AND s.next_attempt_at = 'infinity')
                """,
                (rs, row) -> new HeldJourney(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getBoolean("active")));
    }

    /**
     * Makes the journey's held sends due at {@code at}, to be claimed and checked as any other send (its campaign,
     * consent, quiet hours and frequency caps); returns how many.
     */
    int release(UUID journeyId, Instant at) {
        return jdbc.update("""
                UPDATE sends SET next_attempt_at = ?
                WHERE journey_id = ? AND status = 'pending' AND next_attempt_at = 'infinity'
                """, Timestamp.from(at), journeyId);
    }

    record HeldJourney(UUID journeyId, UUID campaignId, boolean active) {}

    /**
     * Records that the channel accepted the send, only while this claim still holds it: an erasure or a refusal
     * that settled the send while the channel had the message stands (the message has gone, but the send must not
     * be put back as the erased customer's).
     *
     * @return false when the claim was lost and nothing was written
     */
    boolean markSent(ClaimedSend send, Instant at) {
        return jdbc.update(
                        "UPDATE sends SET status = 'sent', sent_at = ?, reason = NULL"
                                + " WHERE id = ? AND claim_token = ? AND status = 'sending'",
                        Timestamp.from(at),
                        send.id(),
                        send.claimToken())
                > 0;
    }

    /**
     * Refuses the send for good and records the skip, in one statement so neither is written without the other.
     * Like every outcome below, only while this claim still holds the send: a dispatcher whose lease ran out must
     * not overwrite what the one that claimed the send next recorded (a send marked sent put back to pending would
     * go out again).
     *
     * @return false when the claim was lost and nothing was written
     */
    boolean refuse(ClaimedSend send, String code, String reason, Instant at) {
        return jdbc.update(
                        """
                WITH refused AS (
                    UPDATE sends SET status = 'refused', reason = ?
                    WHERE id = ? AND claim_token = ? AND status = 'sending' RETURNING id)
                INSERT INTO send_skips (send_id, customer_id, journey_id, channel, reason, detail, occurred_at)
                SELECT id, ?, ?, ?, ?, ?, ? FROM refused
                """,
                        truncate(reason),
                        send.id(),
                        send.claimToken(),
                        send.customerId(),
                        send.journeyId(),
                        send.channel(),
                        code,
                        truncate(reason),
                        Timestamp.from(at))
                > 0;
    }

    /**
     * Puts the send back to wait until a later time and records the skip. The send row is its own durable
     * timer: the dispatcher claims it again when it is due. The attempt started is given back, since nothing
     * was tried.
     */
    boolean defer(ClaimedSend send, String code, String reason, Instant until, Instant at) {
        return jdbc.update(
                        """
                WITH deferred AS (
                    UPDATE sends SET status = 'pending', next_attempt_at = ?, reason = ?, attempts = attempts - 1
                    WHERE id = ? AND claim_token = ? AND status = 'sending' RETURNING id)
                INSERT INTO send_skips (send_id, customer_id, journey_id, channel, reason, detail, deferred_until,
                                        occurred_at)
                SELECT id, ?, ?, ?, ?, ?, ?, ? FROM deferred
                """,
                        Timestamp.from(until),
                        truncate(reason),
                        send.id(),
                        send.claimToken(),
                        send.customerId(),
                        send.journeyId(),
                        send.channel(),
                        code,
                        truncate(reason),
                        Timestamp.from(until),
                        Timestamp.from(at))
                > 0;
    }

    boolean retryLater(ClaimedSend send, Instant at, String reason) {
        return jdbc.update(
                        "UPDATE sends SET status = 'pending', next_attempt_at = ?, reason = ?"
                                + " WHERE id = ? AND claim_token = ? AND status = 'sending'",
                        Timestamp.from(at),
                        truncate(reason),
                        send.id(),
                        send.claimToken())
                > 0;
    }

    boolean bounce(ClaimedSend send, String reply) {
        return outcome(send, "bounced", reply);
    }

    boolean fail(ClaimedSend send, String reason) {
        return outcome(send, "failed", reason);
    }

    private boolean outcome(ClaimedSend send, String status, String reason) {
        return jdbc.update(
                        "UPDATE sends SET status = ?, reason = ? WHERE id = ? AND claim_token = ? AND status = 'sending'",
                        status,
                        truncate(reason),
                        send.id(),
                        send.claimToken())
                > 0;
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
