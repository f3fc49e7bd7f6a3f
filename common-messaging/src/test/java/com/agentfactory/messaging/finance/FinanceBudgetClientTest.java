package com.agentfactory.messaging.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.testing.RecordingFinance;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies a reservation and an expense put on the wire, from a stand-in finance that records each request: the
 * same fields in the same order for either, the optional day and channel left out rather than sent as null; and
 * which of finance's 4xx answers are a refusal of the money asked for.
 */
class FinanceBudgetClientTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);

    private final RecordingFinance finance = RecordingFinance.start("");

    @AfterEach
    void stopFinance() {
        finance.close();
    }

    @Test
    void aReservationFromTheCurrentMonthInNoChannelSendsNeitherDayNorChannel() {
        var outcome = finance.client().reserve(reservation());

        assertThat(outcome).isInstanceOf(BudgetReservation.Reserved.class);
        assertThat(finance.requests())
                .containsExactly(
                        "/api/v1/financial/budgets/inventory/reservations po-7"
                                + " {\"amount\":40.00,\"currency\":\"GBP\",\"purpose\":\"restock\",\"requested_by\":\"maria\"}");
    }

    @Test
    void anExpenseInNoChannelSendsItsDayFirstAndNoChannel() {
        var outcome = finance.client().recordExpense(expense());

        assertThat(outcome).isInstanceOf(BudgetExpense.Recorded.class);
        assertThat(finance.requests())
                .containsExactly("/api/v1/financial/budgets/inventory/expenses po-7-delivered"
                        + " {\"spent_on\":\"2025-12-31\",\"amount\":2.50,\"currency\":\"GBP\","
                        + "\"purpose\":\"freight\",\"requested_by\":\"maria\"}");
    }

    @Test
    void aReservationAnsweredWithATokenRuleTimeoutOrLimitIsNotRefused() {
        for (int status : new int[] {401, 403, 408, 429}) {
            finance.refuseWith(status, "not now");

            assertThatThrownBy(() -> finance.client().reserve(reservation()))
                    .as("status %d", status)
                    .isInstanceOf(FinanceUnavailableException.class);
        }
    }

    @Test
    void anExpenseAnsweredWithATokenRuleTimeoutOrLimitIsNotRefused() {
        for (int status : new int[] {401, 403, 408, 429}) {
            finance.refuseWith(status, "not now");

            assertThatThrownBy(() -> finance.client().recordExpense(expense()))
                    .as("status %d", status)
                    .isInstanceOf(FinanceUnavailableException.class);
        }
    }

    @Test
    void aReservationOrExpenseFinanceRefusesIsRefusedWithItsStatus() {
        finance.refuseWith(422, "the budget has 10.00 GBP left");

        assertThat(finance.client().reserve(reservation()))
                .isEqualTo(new BudgetReservation.Refused(
                        422, "{\"status\":422,\"detail\":\"the budget has 10.00 GBP left\"}"));
        assertThat(finance.client().recordExpense(expense())).isInstanceOf(BudgetExpense.Refused.class);
    }

    private static BudgetReservationRequest reservation() {
        return new BudgetReservationRequest("inventory", "po-7", new BigDecimal("40.00"), "GBP", "restock", "maria");
    }

    private static BudgetExpenseRequest expense() {
        return new BudgetExpenseRequest(
                "inventory", "po-7-delivered", new BigDecimal("2.50"), "GBP", "freight", "maria", DAY);
    }
}
