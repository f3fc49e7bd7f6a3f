package com.agentfactory.campaign.privacy;

import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A customer's profile (finance's segment of them included: it is a column of the profile's row, so it is exported
 * and deleted with it), orders, consents, suppressions, journeys and messages. An erasure deletes the profile, the
 * orders and the consent records, ends the customer's journeys and unsent messages, and replaces the customer in
 * what the campaign figures and experiments count (sends, opens and clicks, skips, split assignments) with a
 * pseudonym of its own, so those figures stay whole without naming anyone. The customer's id is kept as erased, so
 * their events read afterwards (still queued, or replayed) do not bring them back. Set-based SQL across the service's tables
 * (the journeys' and sends' own code works one row at a time), in the privacy listener's transaction.
 */
@Component
class CampaignPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final CustomerReadModel customers;
    private final Clock clock;

    CampaignPersonalData(JdbcTemplate jdbc, CustomerReadModel customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "customer", jdbc.queryForList("SELECT * FROM customers WHERE customer_id = ?", customerId))
                .and(
                        "orders",
                        jdbc.queryForList(
                                "SELECT * FROM customer_orders WHERE customer_id = ? ORDER BY placed_at", customerId))
                .and(
                        "consents",
                        jdbc.queryForList("SELECT * FROM consents WHERE customer_id = ? ORDER BY channel", customerId))
                .and(
                        "consent_changes",
                        jdbc.queryForList(
                                "SELECT channel, granted, source, recorded_by, recorded_at FROM consent_changes"
                                        + " WHERE customer_id = ? ORDER BY recorded_at",
                                customerId))
                .and("suppressions", jdbc.queryForList("SELECT * FROM suppressions WHERE customer_id = ?", customerId))
                .and(
                        "journey_enrolments",
                        jdbc.queryForList(
                                "SELECT id, journey_id, status, current_step, end_reason, entered_at, updated_at"
                                        + " FROM journey_enrolments WHERE customer_id = ? ORDER BY entered_at",
                                customerId))
                .and(
                        "messages",
                        jdbc.queryForList(
                                "SELECT id, journey_id, channel, template_id, target, status, created_at, sent_at"
                                        + " FROM sends WHERE customer_id = ? ORDER BY created_at",
                                customerId))
                .and(
                        "message_events",
                        jdbc.queryForList(
                                "SELECT send_id, kind, url, occurrences, first_at, last_at FROM send_events"
                                        + " WHERE customer_id = ? ORDER BY first_at",
                                customerId));
    }

    @Override
    public long erase(UUID customerId) {
        // first, so a change still writing under the customer's id (an unsubscribe) commits before anything of theirs
        // is deleted, and whatever it wrote is deleted with the rest; one that comes later finds no customer
        // (a customer without a row yet too: their first event waits for the erasure and then finds them erased)
        customers.lockForErasure(customerId);
        // an event of the customer's that waited for their lock reads this once the erasure has committed
        jdbc.update(
                "INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                customerId,
                Timestamp.from(clock.instant()));
        UUID pseudonym = UUID.randomUUID();
        long erased = jdbc.update(
                "UPDATE journey_enrolments SET status = CASE WHEN status = 'active' THEN 'failed' ELSE status END,"
                        + " end_reason = CASE WHEN status = 'active' THEN 'customer data erased' ELSE end_reason END,"
                        + " due_at = NULL, waiting_for = NULL, wait_next = NULL, context = '{}', customer_id = ?"
                        + " WHERE customer_id = ?",
                pseudonym,
                customerId);
        erased += jdbc.update(
                "UPDATE sends SET status = CASE WHEN status IN ('pending', 'sending') THEN 'refused' ELSE status END,"
                        + " reason = CASE WHEN status IN ('pending', 'sending') THEN 'customer data erased'"
                        + " ELSE reason END, target = NULL, variables = '{}', customer_id = ? WHERE customer_id = ?",
                pseudonym,
                customerId);
        erased += jdbc.update(
                "UPDATE send_skips SET detail = 'customer data erased', customer_id = ? WHERE customer_id = ?",
                pseudonym,
                customerId);
        erased += jdbc.update("UPDATE send_events SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId);
        erased += jdbc.update(
                "UPDATE split_assignments SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId);
        for (String table :
                new String[] {"consent_changes", "consents", "suppressions", "customer_orders", "customers"}) {
            erased += jdbc.update("DELETE FROM " + table + " WHERE customer_id = ?", customerId);
        }
        return erased;
    }
}
