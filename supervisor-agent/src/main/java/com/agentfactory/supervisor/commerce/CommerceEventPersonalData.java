package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The storefront events the supervisor took in for a customer. An erasure blanks their payloads and keeps the event
 * ids, so a late redelivery of the same event is still recognised as a repeat and not taken in again.
 */
@Component
class CommerceEventPersonalData implements PersonalDataHolder {

    /** The payload an erased event keeps. */
    static final String ERASED = "{\"erased\": true}";

    private final JdbcTemplate jdbc;

    CommerceEventPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                "commerce_events",
                jdbc.queryForList(
                        "SELECT event_id, event_type, payload::text AS payload, occurred_at FROM commerce_events"
                                + " WHERE payload ->> 'customer_id' = ? ORDER BY occurred_at",
                        customerId.toString()));
    }

    @Override
    public long erase(UUID customerId) {
        return jdbc.update(
                "UPDATE commerce_events SET payload = ?::jsonb WHERE payload ->> 'customer_id' = ?",
                ERASED,
                customerId.toString());
    }
}
