package com.agentfactory.supervisor.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class CommerceEventRepository {

    private final JdbcTemplate jdbc;

    CommerceEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event unless one with the same id was stored before; returns whether it is new. */
    boolean insertIfNew(UUID eventId, String type, String payload, Instant occurredAt) {
        return jdbc.update(
                        "INSERT INTO commerce_events (event_id, event_type, payload, occurred_at) VALUES (?, ?, ?::jsonb, ?)"
                                + " ON CONFLICT (event_id) DO NOTHING",
                        eventId,
                        type,
                        payload,
                        Timestamp.from(occurredAt))
                == 1;
    }

    /** Which of these event ids are stored. */
    Set<UUID> storedIds(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.queryForList("SELECT event_id FROM commerce_events WHERE event_id = ANY (?)", UUID.class, (Object)
                        eventIds.toArray(UUID[]::new)));
    }

    /**
     * The payload stored under this id for an event of this type, as stored; empty when there is none, or when an
     * erasure blanked it and it occurred at another time than this. An erasure blanked the payload of the customer's
     * events, so one of those counts as this event when type and occurrence time match (its payload is then what the
     * erasure left, marked erased): a late resend of it must still be answered as a repeat, not refused as another
     * event.
     */
    Optional<String> storedPayload(UUID eventId, String type, Instant occurredAt) {
        return jdbc
                .queryForList(
                        "SELECT payload::text FROM commerce_events WHERE event_id = ? AND event_type = ?"
                                + " AND (NOT payload @> '{\"erased\": true}' OR occurred_at = ?)",
                        String.class,
                        eventId,
                        type,
                        Timestamp.from(occurredAt))
                .stream()
                .findFirst();
    }

    /**
     * Holds the key until the transaction ends. A PostgreSQL advisory lock, because what is locked is an order id or
     * number that has no row yet.
     */
    void lock(String key) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rows -> null, key);
    }

    /** Whether this order was placed before by another event: a second one would book and ship it twice. */
    boolean orderPlacedByAnotherEvent(UUID orderId, UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM commerce_events WHERE event_type = 'order.placed'"
                        + " AND payload ->> 'order_id' = ? AND event_id <> ?)",
                Boolean.class,
                orderId.toString(),
                eventId));
    }

    /** Whether an order other than this one was placed under this number, ignoring case. */
    boolean orderNumberTakenByAnotherOrder(String orderNumber, UUID orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM commerce_events WHERE event_type = 'order.placed'"
                        + " AND upper(payload ->> 'order_number') = upper(?) AND payload ->> 'order_id' <> ?)",
                Boolean.class,
                orderNumber,
                orderId.toString()));
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM commerce_events", Long.class);
        return n == null ? 0 : n;
    }
}
