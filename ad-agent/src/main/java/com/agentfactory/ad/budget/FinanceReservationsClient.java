package com.agentfactory.ad.budget;

import com.agentfactory.messaging.finance.BudgetExpense;
import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservation;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The allowance keeper's reservations from the ad department's budget, through the shared finance client. Finance
 * books the spend under the agent its token names; each reservation and expense names the channel the ad agent's
 * touchpoints name, so that its return on spend per channel sets its expenses against its attributed revenue.
 */
public class FinanceReservationsClient implements FinanceReservations {

    /** As much of finance's answer as the row's detail keeps beside the status. */
    private static final int REFUSAL_DETAIL_LIMIT = 300;

    /** Not found, conflict, unprocessable: what finance answers about the reservation a settlement names. */
    private static final Set<Integer> SETTLEMENT_REFUSALS = Set.of(404, 409, 422);

    private final FinanceBudgetClient finance;
    private final String department;
    private final String channel;

    public FinanceReservationsClient(FinanceBudgetClient finance, String department, String channel) {
        this.finance = finance;
        this.department = department;
        this.channel = channel;
    }

    @Override
    public ReserveOutcome reserve(
            UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
        var request = new BudgetReservationRequest(
                        department, idempotencyKey.toString(), amount, currency, purpose, "ad-agent")
                .withSpentOn(spentOn)
                .withChannel(channel);
        return switch (finance.reserve(request)) {
            case BudgetReservation.Reserved reserved -> new ReserveOutcome.Reserved(reserved.id());
            // no room (409), no budget (404), another currency or a closed month (422): an answer, not an outage
            case BudgetReservation.Refused refused ->
                new ReserveOutcome.Refused(refused.status() + " " + refused.reason());
        };
    }

    @Override
    public ExpenseOutcome recordExpense(
            UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
        var request = new BudgetExpenseRequest(
                        department, idempotencyKey.toString(), amount, currency, purpose, "ad-agent", spentOn)
                .withChannel(channel);
        return switch (finance.recordExpense(request)) {
            case BudgetExpense.Recorded recorded ->
                new ExpenseOutcome.Recorded(
                        recorded.id(),
                        recorded.budgetOverspentAmount() == null ? BigDecimal.ZERO : recorded.budgetOverspentAmount());
            case BudgetExpense.Refused refused -> new ExpenseOutcome.Refused(refused.status() + " " + refused.reason());
        };
    }

    @Override
    public void commit(UUID financeReservationId) {
        try {
            finance.commit(department, financeReservationId);
        } catch (HttpClientErrorException refused) {
            throw refusal(refused);
        }
    }

    @Override
    public void release(UUID financeReservationId) {
        try {
            finance.release(department, financeReservationId);
        } catch (HttpClientErrorException refused) {
            throw refusal(refused);
        }
    }

    /**
     * Only finance's answers about the reservation itself (unknown, in another state, not acceptable, or made by
     * another caller, such as this agent under a client id since re-issued or a person) are a refusal a person has to
     * settle; any other 401, 403, 408 or 429 says nothing about it (a token, a rule, a timeout or a limit, each
     * passing or fixed elsewhere), so they count as finance unavailable and the next pass asks again.
     */
    private static RuntimeException refusal(HttpClientErrorException refused) {
        String detail = refused.getResponseBodyAsString();
        if (!SETTLEMENT_REFUSALS.contains(refused.getStatusCode().value())
                && !FinanceBudgetClient.isHeldByAnother(refused)) {
            return new FinanceUnavailableException(
                    "finance answered " + refused.getStatusCode().value() + " to a settlement", refused);
        }
        return new SettlementRefusedException(
                refused.getStatusCode().value() + " "
                        + (detail.length() > REFUSAL_DETAIL_LIMIT ? detail.substring(0, REFUSAL_DETAIL_LIMIT) : detail),
                refused);
    }
}
