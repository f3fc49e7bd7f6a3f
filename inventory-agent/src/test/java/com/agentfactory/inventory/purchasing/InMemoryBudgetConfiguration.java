package com.agentfactory.inventory.purchasing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the finance service in this module's tests (found by component scanning, so every test context
 * uses it): the finance round trip over HTTP is proven end to end against the real finance service in the
 * platform tests. Keeps reservations by key, as finance does, and refuses what exceeds what is left.
 */
@Configuration(proxyBeanMethods = false)
class InMemoryBudgetConfiguration {

    @Bean
    @Primary
    InMemoryBudget inMemoryBudget() {
        return new InMemoryBudget(new BigDecimal("100000"));
    }

    static final class InMemoryBudget implements BudgetPort {

        private final Map<String, UUID> byKey = new ConcurrentHashMap<>();
        private final Map<UUID, BigDecimal> amounts = new ConcurrentHashMap<>();
        private final Map<UUID, String> states = new ConcurrentHashMap<>();
        private BigDecimal left;

        InMemoryBudget(BigDecimal total) {
            this.left = total;
        }

        @Override
        public synchronized Reservation reserve(
                String idempotencyKey,
                String department,
                BigDecimal amount,
                String currency,
                String purpose,
                String requestedBy) {
            UUID known = byKey.get(idempotencyKey);
            if (known != null) {
                return new Reservation.Reserved(known);
            }
            if (amount.compareTo(left) > 0) {
                return new Reservation.Refused("409: " + amount + " does not fit the " + left + " left");
            }
            UUID id = UUID.randomUUID();
            left = left.subtract(amount);
            byKey.put(idempotencyKey, id);
            amounts.put(id, amount);
            states.put(id, "RESERVED");
            return new Reservation.Reserved(id);
        }

        @Override
        public synchronized void commit(String department, UUID reservationId) {
            states.put(reservationId, "COMMITTED");
        }

        @Override
        public synchronized void release(String department, UUID reservationId) {
            if (!"RELEASED".equals(states.put(reservationId, "RELEASED"))) {
                left = left.add(amounts.get(reservationId));
            }
        }

        String stateOf(UUID reservationId) {
            return states.get(reservationId);
        }

        BigDecimal amountOf(UUID reservationId) {
            return amounts.get(reservationId);
        }
    }
}
