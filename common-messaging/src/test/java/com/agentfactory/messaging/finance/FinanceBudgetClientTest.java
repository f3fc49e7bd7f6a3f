package com.agentfactory.messaging.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.agentfactory.messaging.testing.RecordingFinance;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The bodies a reservation and an expense put on the wire, from a stand-in finance that records each request: the
 * same fields in the same order for either, the optional day and channel left out rather than sent as null; and
 * which of finance's 4xx answers are a refusal of the money asked for or of the reservation named.
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
    void anExpenseUnderAReservationAnotherCallerHoldsIsRefused() {
        finance.refuseWith(403, FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER, "held by the caller that made it");

        assertThat(finance.client().recordExpense(expense()))
                .isInstanceOfSatisfying(BudgetExpense.Refused.class, refused -> assertThat(refused.status())
                        .isEqualTo(403));
    }

    @Test
    void aForbiddenOfAnotherTypeIsStillNotRefused() {
        finance.refuseWith(403, URI.create("about:blank"), "not now");

        assertThatThrownBy(() -> finance.client().recordExpense(expense()))
                .isInstanceOf(FinanceUnavailableException.class);
    }

    @Test
    void aSettlementRefusedForAReservationAnotherCallerHoldsIsToldApartFromAnyOtherForbidden() {
        finance.refuseWith(403, FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER, "held by the caller that made it");
        var heldByAnother = catchThrowableOfType(
                HttpClientErrorException.class, () -> finance.client().commit("inventory", UUID.randomUUID()));
        finance.refuseWith(403, "not now");
        var forbidden = catchThrowableOfType(
                HttpClientErrorException.class, () -> finance.client().release("inventory", UUID.randomUUID()));
        finance.refuseWith(409, "the reservation was released");
        var conflict = catchThrowableOfType(
                HttpClientErrorException.class, () -> finance.client().release("inventory", UUID.randomUUID()));

        assertThat(FinanceBudgetClient.isHeldByAnother(heldByAnother)).isTrue();
        assertThat(FinanceBudgetClient.isHeldByAnother(forbidden)).isFalse();
        assertThat(FinanceBudgetClient.isHeldByAnother(conflict)).isFalse();
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
