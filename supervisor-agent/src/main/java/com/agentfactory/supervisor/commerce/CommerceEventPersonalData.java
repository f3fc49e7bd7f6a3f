package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.supervisor.privacy.ErasedCustomers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storefront events the supervisor took in for a customer. An erasure blanks their payloads and keeps the event
 * ids, so a late redelivery of the same event is still recognised as a repeat and not taken in again. An order keeps
 * its id and number too, which name nobody: intake refuses a new order under an order id or number already placed,
 * and with them blanked an erased customer's numbers would be free again, and a shop's number accepted would tell
 * that it had been an erased customer's.
 */
@Component
class CommerceEventPersonalData implements PersonalDataHolder {

    /** What an erased order.placed keeps besides the mark: the fields intake looks orders up by. */
    private static final List<String> KEPT_OF_ORDERS = List.of("order_id", "order_number");

    /** The blanked payload, built in SQL as {@link #blanked} builds it. */
    private static final String BLANKED = "CASE WHEN event_type = '" + CommerceEventType.ORDER_PLACED.wireName() + "'"
            + " THEN jsonb_strip_nulls(jsonb_build_object('erased', true, 'order_id', payload -> 'order_id',"
            + " 'order_number', payload -> 'order_number'))"
            + " ELSE '{\"erased\": true}'::jsonb END";

    private final JdbcTemplate jdbc;
    private final ErasedCustomers erasedCustomers;

    CommerceEventPersonalData(JdbcTemplate jdbc, ErasedCustomers erasedCustomers) {
        this.jdbc = jdbc;
        this.erasedCustomers = erasedCustomers;
    }

    /** What an erasure leaves of an event's payload. */
    static JsonNode blanked(CommerceEventType type, JsonNode payload) {
        ObjectNode blanked = JsonNodeFactory.instance.objectNode().put("erased", true);
        if (type == CommerceEventType.ORDER_PLACED) {
            for (String field : KEPT_OF_ORDERS) {
                JsonNode value = payload.get(field);
                if (value != null && !value.isNull()) {
                    blanked.set(field, value);
                }
            }
        }
        return blanked;
    }

    /** Whether the payload is what an erasure left of one. */
    static boolean isBlanked(JsonNode payload) {
        return BooleanNode.TRUE.equals(payload.get("erased"));
    }

    /** The customer an event's payload names, as the erasure finds them; empty when it names none. */
    static Optional<UUID> customerOf(JsonNode payload) {
        JsonNode customer = payload.get("customer_id");
        if (customer == null || !customer.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(customer.asString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
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
        // marked first, holding the customer's lock: an event of theirs stored meanwhile committed before and is
        // blanked here, or waits and is then stored blanked
        erasedCustomers.markErased(customerId);
        return jdbc.update(
                "UPDATE commerce_events SET payload = " + BLANKED + " WHERE payload ->> 'customer_id' = ?",
                customerId.toString());
    }
}
