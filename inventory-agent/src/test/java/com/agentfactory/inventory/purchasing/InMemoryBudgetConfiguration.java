package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
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
 * platform tests. Keeps reservations by key, as finance does, refuses a key reused for a different request as
 * finance does, and refuses what exceeds what is left. A test can step in just after a reservation is made.
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
        private final Map<String, String> requests = new ConcurrentHashMap<>();
        private final Map<String, Runnable> afterReserving = new ConcurrentHashMap<>();
        private final Map<UUID, Runnable> beforeCommitting = new ConcurrentHashMap<>();
        private final Map<UUID, BigDecimal> amounts = new ConcurrentHashMap<>();
        private final Map<UUID, String> states = new ConcurrentHashMap<>();
        private final Map<String, String> expenses = new ConcurrentHashMap<>();
        private final Map<String, Runnable> beforeRecording = new ConcurrentHashMap<>();
        private BigDecimal left;

        InMemoryBudget(BigDecimal total) {
            this.left = total;
        }

        @Override
        public Reservation reserve(BudgetReservationRequest request) {
            String idempotencyKey = request.idempotencyKey();
            Reservation reservation =
                    reserveNow(idempotencyKey, request.amount(), request.currency(), request.purpose());
            // outside the lock, so the step may use the budget itself from another request
            afterReserving.keySet().stream()
                    .filter(idempotencyKey::contains)
                    .findFirst()
                    .map(afterReserving::remove)
                    .ifPresent(Runnable::run);
            return reservation;
        }

        /**
         * Runs {@code step} once, just after the next reservation whose key names {@code orderId} is made, before
         * the caller hears of it: a change racing the approval, or (by throwing) an answer lost on the way.
         */
        void afterReserving(String orderId, Runnable step) {
            afterReserving.put(orderId, step);
        }

        /** Runs {@code step} once, before the reservation is next committed: by throwing, finance never hears of it. */
        void beforeCommitting(UUID reservationId, Runnable step) {
            beforeCommitting.put(reservationId, step);
        }

        /** The reservations made under keys that name {@code orderId}, whatever became of them. */
        java.util.List<UUID> reservationsFor(String orderId) {
            return byKey.entrySet().stream()
                    .filter(entry -> entry.getKey().contains(orderId))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        private synchronized Reservation reserveNow(
                String idempotencyKey, BigDecimal amount, String currency, String purpose) {
            String request = amount.setScale(2) + " " + currency + " for " + purpose;
            UUID known = byKey.get(idempotencyKey);
            if (known != null) {
                return request.equals(requests.get(idempotencyKey))
                        ? new Reservation.Reserved(known)
                        : new Reservation.Refused("422: this Idempotency-Key was used for a different reservation");
            }
            if (amount.compareTo(left) > 0) {
                return new Reservation.Refused("409: " + amount + " does not fit the " + left + " left");
            }
            UUID id = UUID.randomUUID();
            left = left.subtract(amount);
            byKey.put(idempotencyKey, id);
            requests.put(idempotencyKey, request);
            amounts.put(id, amount);
            states.put(id, "RESERVED");
            return new Reservation.Reserved(id);
        }

        // as finance: settling twice the same way changes nothing, the other way round is refused
        @Override
        public synchronized void commit(String department, UUID reservationId) {
            java.util.Optional.ofNullable(beforeCommitting.remove(reservationId))
                    .ifPresent(Runnable::run);
            if ("RELEASED".equals(states.get(reservationId))) {
                throw new FinanceRejectedException("commit of reservation " + reservationId, 409, "released");
            }
            states.put(reservationId, "COMMITTED");
        }

        @Override
        public synchronized void release(String department, UUID reservationId) {
            if ("COMMITTED".equals(states.get(reservationId))) {
                throw new FinanceRejectedException("release of reservation " + reservationId, 409, "spent");
            }
            if (!"RELEASED".equals(states.put(reservationId, "RELEASED"))) {
                left = left.add(amounts.get(reservationId));
            }
        }

        // as finance: the same key books once, and a key used for other money is refused
        @Override
        public void recordExpense(BudgetExpenseRequest request) {
            String idempotencyKey = request.idempotencyKey();
            BigDecimal amount = request.amount();
            beforeRecording.keySet().stream()
                    .filter(idempotencyKey::contains)
                    .findFirst()
                    .map(beforeRecording::remove)
                    .ifPresent(Runnable::run);
            synchronized (this) {
                String expense = amount.setScale(2) + " " + request.currency() + " for " + request.purpose();
                String known = expenses.putIfAbsent(idempotencyKey, expense);
                if (known == null) {
                    left = left.subtract(amount);
                } else if (!known.equals(expense)) {
                    throw new FinanceRejectedException("expense " + idempotencyKey, 422, "key used for " + known);
                }
            }
        }

        /** Runs {@code step} once, before the next expense whose key names {@code orderId} is recorded. */
        void beforeRecordingExpense(String orderId, Runnable step) {
            beforeRecording.put(orderId, step);
        }

        /** The expenses booked under keys that name {@code orderId}: amount, currency and purpose of each. */
        java.util.List<String> expensesFor(String orderId) {
            return expenses.entrySet().stream()
                    .filter(entry -> entry.getKey().contains(orderId))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        String stateOf(UUID reservationId) {
            return states.get(reservationId);
        }

        BigDecimal amountOf(UUID reservationId) {
            return amounts.get(reservationId);
        }
    }
}
