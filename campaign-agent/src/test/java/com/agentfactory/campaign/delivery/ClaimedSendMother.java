package com.agentfactory.campaign.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sends as a dispatcher holds them, and their rows as a claim or the journey engine leaves them. */
final class ClaimedSendMother {

    static final String TEMPLATE = "final_abandoned_cart";

    private ClaimedSendMother() {}

    /** An e-mail send of the journey (none when null) to the customer, as first claimed. */
    static ClaimedSend email(UUID customer, UUID journey) {
        return new ClaimedSend(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "mail",
                journey,
                customer,
                "email",
                TEMPLATE,
                null,
                Map.of(),
                0,
                UUID.randomUUID(),
                null);
    }

    /** A send of no journey to the business's webhook, as first claimed. */
    static ClaimedSend webhook(String url) {
        return new ClaimedSend(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "hook",
                null,
                UUID.randomUUID(),
                "webhook",
                "crm_note",
                url,
                Map.of(),
                0,
                UUID.randomUUID(),
                null);
    }

    /** The same send as claimed next, by another dispatcher after the lease of {@code stale} ran out. */
    static ClaimedSend reclaimed(ClaimedSend stale) {
        return new ClaimedSend(
                stale.id(),
                stale.enrolmentId(),
                stale.stepId(),
                stale.journeyId(),
                stale.customerId(),
                stale.channel(),
                stale.templateId(),
                stale.target(),
                stale.variables(),
                stale.attempts(),
                UUID.randomUUID(),
                null);
    }

    /** The send's row as its claim left it, its lease far ahead: only the test's dispatchers deliver it. */
    static void writeAsClaimed(JdbcTemplate jdbc, ClaimedSend send) {
        write(jdbc, send, "sending", send.claimToken(), Instant.now().plusSeconds(86_400));
    }

    /** The send's row as the journey engine queues it, due at {@code due}. */
    static void writeAsQueued(JdbcTemplate jdbc, ClaimedSend send, Instant due) {
        write(jdbc, send, "pending", null, due);
    }

    private static void write(JdbcTemplate jdbc, ClaimedSend send, String status, UUID claimToken, Instant due) {
        jdbc.update(
                """
                INSERT INTO sends (id, enrolment_id, step_id, journey_id, customer_id, channel, template_id, target,
                                   variables, status, attempts, claim_token, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)
                """,
                send.id(),
                send.enrolmentId(),
                send.stepId(),
                send.journeyId(),
                send.customerId(),
                send.channel(),
                send.templateId(),
                send.target(),
                status,
                send.attempts(),
                claimToken,
                Timestamp.from(due),
                Timestamp.from(Instant.now()));
    }
}
