package com.agentfactory.finance.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's ledger entries, attributed revenue, touchpoints, behaviours and segment. An erasure deletes the
 * behaviours and the segment, and in the ledger, its attributions and the touchpoints they credit replaces the
 * customer with a pseudonym: every amount stays, so the books, KPIs and attribution figures do not change, but no
 * entry names the person. The audit trail is hash-chained and cannot be rewritten; it records this pseudonymisation
 * like any change and keeps only the customer's random id, which names no one once every service has erased the
 * customer's profile and contact details. The customer is kept as erased with their pseudonym ({@link ErasedCustomers}),
 * so their events read afterwards book money under the pseudonym and bring nothing else back.
 */
@Component
class FinancePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final ErasedCustomers erasedCustomers;

    FinancePersonalData(JdbcTemplate jdbc, ErasedCustomers erasedCustomers) {
        this.jdbc = jdbc;
        this.erasedCustomers = erasedCustomers;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "transactions",
                        jdbc.queryForList(
                                "SELECT id, transaction_type, amount, currency, order_id, order_number, description,"
                                        + " occurred_at FROM financial_transactions WHERE customer_id = ?"
                                        + " ORDER BY occurred_at",
                                customerId))
                .and(
                        "touchpoints",
                        jdbc.queryForList(
                                "SELECT id, agent, channel, touchpoint_type, campaign_id, occurred_at"
                                        + " FROM customer_touchpoints WHERE customer_id = ? ORDER BY occurred_at",
                                customerId))
                .and(
                        "behaviors",
                        jdbc.queryForList(
                                "SELECT id, event_type, event_data::text AS event_data, session_id, agent, channel,"
                                        + " occurred_at FROM customer_behaviors WHERE customer_id = ?"
                                        + " ORDER BY occurred_at",
                                customerId))
                .and("segment", jdbc.queryForList("SELECT * FROM customer_segments WHERE customer_id = ?", customerId))
                .and(
                        "segment_history",
                        jdbc.queryForList(
                                "SELECT from_segment, to_segment, migration_reason, occurred_at"
                                        + " FROM customer_segment_history WHERE customer_id = ? ORDER BY occurred_at",
                                customerId));
    }

    @Override
    public long erase(UUID customerId) {
        // first, under the customer's lock that a booking naming them takes before its first write: one being booked
        // commits before the id is replaced below, one that comes later books under the pseudonym
        UUID pseudonym = erasedCustomers.markErased(customerId);
        long erased = jdbc.update(
                "UPDATE financial_transactions SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId);
        erased += jdbc.update(
                "UPDATE revenue_attributions SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId);
        erased += jdbc.update(
                "UPDATE customer_touchpoints SET customer_id = ?, metadata = '{}'::jsonb WHERE customer_id = ?",
                pseudonym,
                customerId);
        erased += jdbc.update("DELETE FROM customer_behaviors WHERE customer_id = ?", customerId);
        erased += jdbc.update("DELETE FROM customer_segment_history WHERE customer_id = ?", customerId);
        erased += jdbc.update("DELETE FROM customer_segments WHERE customer_id = ?", customerId);
        return erased;
    }
}
