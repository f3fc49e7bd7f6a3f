package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.BudgetExpense;
import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservation;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.agentfactory.messaging.security.ServiceTokens;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Purchase orders' budget, reserved, committed, released and expensed through the shared finance client. */
@Component
class FinanceBudgetPort implements BudgetPort {

    // 409: does not fit; 404: no budget for the department and month; 422: another currency
    private static final Set<Integer> REFUSALS = Set.of(404, 409, 422);

    private final FinanceBudgetClient finance;
    private final FinanceSettlementClient settlement;

    FinanceBudgetPort(FinanceProperties properties, ServiceTokens tokens) {
        this.finance = new FinanceBudgetClient(
                new FinanceClientSettings(
                        properties.baseUrl().toString(),
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        properties.retryAttempts(),
                        properties.retryWait(),
                        properties.waitInOpenState()),
                tokens);
        this.settlement = new FinanceSettlementClient(finance);
    }

    @Override
    public Reservation reserve(BudgetReservationRequest request) {
        return switch (finance.reserve(request)) {
            case BudgetReservation.Reserved reserved -> new Reservation.Reserved(reserved.id());
            case BudgetReservation.Refused refused
            when REFUSALS.contains(refused.status()) ->
                new Reservation.Refused(refused.status() + " from finance: " + refused.reason());
            // any other 4xx means this agent sent something finance cannot read: a fault here, not a budget refusal
            case BudgetReservation.Refused refused ->
                throw new FinanceRejectedException("reservation", refused.status(), refused.reason());
        };
    }

    @Override
    public void commit(String department, UUID reservationId) {
        settlement.commit(department, reservationId);
    }

    @Override
    public void release(String department, UUID reservationId) {
        settlement.release(department, reservationId);
    }

    @Override
    public void recordExpense(BudgetExpenseRequest request) {
        var answer = finance.recordExpense(request);
        if (answer instanceof BudgetExpense.Refused refused) {
            throw new FinanceRejectedException(
                    "expense " + request.idempotencyKey(), refused.status(), refused.reason());
        }
    }
}
