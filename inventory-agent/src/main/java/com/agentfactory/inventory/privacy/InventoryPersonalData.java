package com.agentfactory.inventory.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stock held for a customer's carts and orders. An erasure replaces the customer with a pseudonym: the
 * reservations stay, so stock levels and demand history do not change.
 */
@Component
class InventoryPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    InventoryPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                "stock_reservations",
                jdbc.queryForList(
                        "SELECT id, sku, location, quantity, status, created_at, expires_at, closed_at"
                                + " FROM stock_reservations WHERE customer_id = ? ORDER BY created_at",
                        customerId));
    }

    @Override
    public long erase(UUID customerId) {
        return jdbc.update(
                "UPDATE stock_reservations SET customer_id = ? WHERE customer_id = ?", UUID.randomUUID(), customerId);
    }
}
