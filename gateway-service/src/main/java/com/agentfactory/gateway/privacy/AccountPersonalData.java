package com.agentfactory.gateway.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the gateway keeps about a customer: the account, its sign-in history and its sign-up announcement. Only
 * customer accounts are touched (a customer id is a customer's user id); staff accounts are not a customer's data.
 * Each kind is read as JSON text by PostgreSQL, so times and ids come out in their standard forms.
 */
@Component
class AccountPersonalData {

    private static final String CUSTOMER = "SELECT email FROM users WHERE id = ? AND role = 'CUSTOMER'";

    private final JdbcTemplate jdbc;

    AccountPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** JSON text of each kind of record, by kind. */
    @Transactional(readOnly = true)
    Map<String, String> export(UUID customerId) {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(
                "account",
                rows(
                        "SELECT id, email, first_name, last_name, role, created_at FROM users"
                                + " WHERE id = ? AND role = 'CUSTOMER'",
                        customerId));
        kinds.put(
                "sign_in_history",
                rows(
                        "SELECT type, occurred_at, client_ip, detail FROM auth_events WHERE user_id = ?"
                                + " OR lower(email) = lower((" + CUSTOMER + ")) ORDER BY occurred_at",
                        customerId,
                        customerId));
        return kinds;
    }

    /**
     * Deletes the account (its refresh tokens go with it), its sign-in throttle and its announcement; the sign-in
     * history stays as the security log it is, without the address, the IP or the account id.
     */
    @Transactional
    long erase(UUID customerId) {
        String email = jdbc.query(CUSTOMER, rs -> rs.next() ? rs.getString(1) : null, customerId);
        String anonymised = "UPDATE auth_events SET user_id = NULL, email = NULL, client_ip = NULL WHERE user_id = ?";
        long erased = email == null
                ? jdbc.update(anonymised, customerId)
                : jdbc.update(anonymised + " OR lower(email) = lower(?)", customerId, email);
        erased += jdbc.update("DELETE FROM customer_announcements WHERE customer_id = ?", customerId);
        if (email != null) {
            // the account's row and its rows per client address (the e-mail, a line break, the address)
            erased += jdbc.update(
                    "DELETE FROM login_throttle WHERE account = lower(?) OR starts_with(account, lower(?) || chr(10))",
                    email,
                    email);
        }
        erased += jdbc.update("DELETE FROM users WHERE id = ? AND role = 'CUSTOMER'", customerId);
        return erased;
    }

    private String rows(String select, Object... args) {
        return jdbc.queryForObject(
                "SELECT coalesce(json_agg(row_to_json(r)), '[]'::json)::text FROM (" + select + ") r",
                String.class,
                args);
    }
}
