package com.agentfactory.support.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's conversations, tickets, order copies and returns. An erasure keeps the records the desk's figures
 * count (how many conversations, which intents, how tickets ended) and removes the person: what they wrote, their
 * address, the entities found in it and their customer id. Set-based SQL over the service's tables, in the one
 * transaction the privacy listener opens.
 */
@Component
class SupportPersonalData implements PersonalDataHolder {

    private static final String CONVERSATIONS_OF = "SELECT id FROM conversations WHERE customer_id = ?";

    private final JdbcTemplate jdbc;

    SupportPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "conversations",
                        jdbc.queryForList(
                                "SELECT id, channel, customer_email, subject, order_number, created_at, updated_at"
                                        + " FROM conversations WHERE customer_id = ? ORDER BY created_at",
                                customerId))
                .and(
                        "conversation_messages",
                        jdbc.queryForList(
                                "SELECT conversation_id, sequence_number, author, body, language, created_at"
                                        + " FROM conversation_messages WHERE conversation_id IN (" + CONVERSATIONS_OF
                                        + ") ORDER BY conversation_id, sequence_number",
                                customerId))
                .and(
                        "tickets",
                        jdbc.queryForList(
                                "SELECT id, conversation_id, status, category, created_at, closed_at FROM tickets"
                                        + " WHERE customer_id = ? ORDER BY created_at",
                                customerId))
                .and(
                        "orders",
                        jdbc.queryForList(
                                "SELECT order_id, order_number, status, total, currency, country, placed_at"
                                        + " FROM orders WHERE customer_id = ? ORDER BY placed_at",
                                customerId))
                .and(
                        "returns",
                        jdbc.queryForList(
                                "SELECT return_id, order_number, status, refund_amount, currency, reason, created_at"
                                        + " FROM return_authorisations WHERE customer_id = ? ORDER BY created_at",
                                customerId));
    }

    @Override
    public long erase(UUID customerId) {
        // the messages and escalations are found through the customer's conversations, so they go first
        long erased = jdbc.update(
                "UPDATE conversation_messages SET body = '[erased]', author_id = NULL, entities = NULL,"
                        + " external_id = NULL, outcome = NULL"
                        + " WHERE conversation_id IN (" + CONVERSATIONS_OF + ")",
                customerId);
        erased += jdbc.update(
                "UPDATE ticket_escalations SET detail = '[erased]'"
                        + " WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id IN (" + CONVERSATIONS_OF
                        + "))",
                customerId);
        erased += jdbc.update(
                "UPDATE tickets SET customer_id = NULL, entities = NULL, suggested_answer = NULL"
                        + " WHERE customer_id = ? OR conversation_id IN (" + CONVERSATIONS_OF + ")",
                customerId,
                customerId);
        erased += jdbc.update(
                "UPDATE conversations SET customer_id = NULL, customer_email = NULL, subject = NULL,"
                        + " order_number = NULL WHERE customer_id = ?",
                customerId);
        erased += jdbc.update(
                "UPDATE return_authorisations SET customer_id = NULL, reason = NULL WHERE customer_id = ?", customerId);
        erased += jdbc.update("UPDATE orders SET customer_id = NULL WHERE customer_id = ?", customerId);
        return erased;
    }
}
