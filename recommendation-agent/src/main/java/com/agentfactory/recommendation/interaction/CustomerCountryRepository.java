package com.agentfactory.recommendation.interaction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class CustomerCountryRepository {

    private final JdbcTemplate jdbc;

    CustomerCountryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the latest country only: an older upsert redelivered late must not replace a newer one. */
    void save(UUID customerId, String country, Instant at) {
        jdbc.update("""
                INSERT INTO customer_countries (customer_id, country, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET country = EXCLUDED.country, updated_at = EXCLUDED.updated_at
                WHERE customer_countries.updated_at <= EXCLUDED.updated_at
                """, customerId, country, Timestamp.from(at));
    }

    Optional<String> find(UUID customerId) {
        List<String> found = jdbc.queryForList(
                "SELECT country FROM customer_countries WHERE customer_id = ?", String.class, customerId);
        return found.stream().findFirst();
    }

    Map<UUID, String> all() {
        Map<UUID, String> countries = new HashMap<>();
        jdbc.query("SELECT customer_id, country FROM customer_countries", row -> {
            countries.put(row.getObject("customer_id", UUID.class), row.getString("country"));
        });
        return countries;
    }
}
