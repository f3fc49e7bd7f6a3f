package com.agentfactory.messaging.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.RecordingFinance;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies a reservation and an expense put on the wire, from a stand-in finance that records each request: the
 * same fields in the same order for either, the optional day and channel left out rather than sent as null.
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
        var outcome = finance.client()
                .reserve(new BudgetReservationRequest(
                        "inventory", "po-7", new BigDecimal("40.00"), "GBP", "restock", "maria"));

        assertThat(outcome).isInstanceOf(BudgetReservation.Reserved.class);
        assertThat(finance.requests())
                .containsExactly(
                        "/api/v1/financial/budgets/inventory/reservations po-7"
                                + " {\"amount\":40.00,\"currency\":\"GBP\",\"purpose\":\"restock\",\"requested_by\":\"maria\"}");
    }

    @Test
    void anExpenseInNoChannelSendsItsDayFirstAndNoChannel() {
        var outcome = finance.client()
                .recordExpense(new BudgetExpenseRequest(
                        "inventory", "po-7-delivered", new BigDecimal("2.50"), "GBP", "freight", "maria", DAY));

        assertThat(outcome).isInstanceOf(BudgetExpense.Recorded.class);
        assertThat(finance.requests())
                .containsExactly("/api/v1/financial/budgets/inventory/expenses po-7-delivered"
                        + " {\"spent_on\":\"2025-12-31\",\"amount\":2.50,\"currency\":\"GBP\","
                        + "\"purpose\":\"freight\",\"requested_by\":\"maria\"}");
    }
}
