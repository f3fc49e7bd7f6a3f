package com.agentfactory.support.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's conversations, tickets, order copies and returns. An erasure keeps the records the desk's figures
 * count (how many conversations, which intents, how tickets ended) and removes the person: what they wrote, their
 * address, the entities found in it and their customer id. Set-based SQL over the service's tables, in the one
 * transaction the privacy listener opens.
 *
 * <p>A mail comes in under its sender's address, never a customer id, so the customer's conversations are those
 * under their id and those from any address they are known by: the addresses the shop announced for them and those a
 * conversation under their id was held under. A mail sent from an address the shop never announced for the customer,
 * or before support heard of it, is not found.
 */
@Component
class SupportPersonalData implements PersonalDataHolder {

    // customer_addresses holds those of conversations under their id too (V13, and kept as each is stored), but an
    // instance from before that (a rolling deploy) stores such a conversation without keeping its address. A task's
    // address is not checked: one another customer is known by is left to them, as a task's address is kept
    private static final String ADDRESSES_OF = """
            SELECT lower(c.customer_email) FROM conversations c
            WHERE c.customer_id = :customer AND c.customer_email IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM customer_addresses o
                              WHERE o.email = lower(c.customer_email) AND o.customer_id <> :customer)
            UNION SELECT email FROM customer_addresses WHERE customer_id = :customer""";

    // by address only the guests' (mails): a conversation filed under another customer is theirs, whatever address
    // it was held under (one passed on, or shared)
    private static final String CONVERSATIONS_OF = "SELECT id FROM conversations WHERE customer_id = :customer"
            + " OR (customer_id IS NULL AND lower(customer_email) IN (" + ADDRESSES_OF + "))";

    private final JdbcClient jdbc;
    private final CustomerAddresses addresses;
    private final Clock clock;

    SupportPersonalData(JdbcClient jdbc, CustomerAddresses addresses, Clock clock) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "addresses",
                        rows(
                                "SELECT email, first_seen FROM customer_addresses WHERE customer_id = :customer"
                                        + " ORDER BY first_seen, email",
                                customerId))
                .and(
                        "conversations",
                        rows(
                                "SELECT id, channel, customer_email, subject, order_number, created_at, updated_at"
                                        + " FROM conversations WHERE id IN (" + CONVERSATIONS_OF
                                        + ") ORDER BY created_at",
                                customerId))
                .and(
                        "conversation_messages",
                        rows(
                                "SELECT conversation_id, sequence_number, author, body, language, created_at"
                                        + " FROM conversation_messages WHERE conversation_id IN (" + CONVERSATIONS_OF
                                        + ") ORDER BY conversation_id, sequence_number",
                                customerId))
                .and(
                        "tickets",
                        rows(
                                "SELECT id, conversation_id, status, category, created_at, closed_at FROM tickets"
                                        + " WHERE customer_id = :customer OR conversation_id IN (" + CONVERSATIONS_OF
                                        + ") ORDER BY created_at",
                                customerId))
                .and(
                        "orders",
                        rows(
                                "SELECT order_id, order_number, status, total, currency, country, placed_at"
                                        + " FROM orders WHERE customer_id = :customer ORDER BY placed_at",
                                customerId))
                .and(
                        "returns",
                        rows(
                                "SELECT return_id, order_number, status, refund_amount, currency, reason, created_at"
                                        + " FROM return_authorisations WHERE customer_id = :customer"
                                        + " ORDER BY created_at",
                                customerId));
    }

    @Override
    public long erase(UUID customerId) {
        addresses.markErased(customerId, clock.instant());
        // the conversations before any of their rows: a reply being recorded locks its conversation, then marks its
        // message, so an erasure taking the message first and the conversation last waits on the reply while the
        // reply waits on it, and PostgreSQL aborts one of the two
        jdbc.sql("SELECT id FROM conversations WHERE id IN (" + CONVERSATIONS_OF + ") ORDER BY id FOR UPDATE")
                .param("customer", customerId)
                .query(UUID.class)
                .list();
        // the messages, escalations and tickets are found through the customer's conversations, and those through
        // the conversations' ids and addresses, so the conversations change last but one and the addresses last
        long erased = update(
                "UPDATE conversation_messages SET body = '" + CustomerAddresses.ERASED
                        + "', author_id = NULL, entities = NULL,"
                        + " external_id = NULL, outcome = NULL"
                        + " WHERE conversation_id IN (" + CONVERSATIONS_OF + ")",
                customerId);
        erased += update(
                "UPDATE ticket_escalations SET detail = '" + CustomerAddresses.ERASED + "'"
                        + " WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id IN (" + CONVERSATIONS_OF
                        + "))",
                customerId);
        erased += update(
                "UPDATE tickets SET customer_id = NULL, entities = NULL, suggested_answer = NULL"
                        + " WHERE customer_id = :customer OR conversation_id IN (" + CONVERSATIONS_OF + ")",
                customerId);
        erased += update(
                "UPDATE conversations SET customer_id = NULL, customer_email = NULL, subject = NULL,"
                        + " order_number = NULL WHERE id IN (" + CONVERSATIONS_OF + ")",
                customerId);
        erased += update("DELETE FROM customer_addresses WHERE customer_id = :customer", customerId);
        // marked, not made guest orders: a task naming some customer may be shown a guest order, never these. The
        // orders before their returns: a return is authorised under its order's lock, so one under way commits before
        // this update gets the order and the returns' update then finds it; one asked later waits and finds the order
        // erased. The returns first, a return stored meanwhile would keep the customer.
        erased += update(
                "UPDATE orders SET customer_id = NULL, customer_erased = true WHERE customer_id = :customer",
                customerId);
        erased += update(
                "UPDATE return_authorisations SET customer_id = NULL, reason = NULL WHERE customer_id = :customer",
                customerId);
        return erased;
    }

    private List<Map<String, Object>> rows(String sql, UUID customerId) {
        return jdbc.sql(sql).param("customer", customerId).query().listOfRows();
    }

    private int update(String sql, UUID customerId) {
        return jdbc.sql(sql).param("customer", customerId).update();
    }
}
