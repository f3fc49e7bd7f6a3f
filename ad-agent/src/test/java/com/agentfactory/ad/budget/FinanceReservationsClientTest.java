package com.agentfactory.ad.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.finance.FinanceProblemTypes;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.testing.RecordingFinance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the allowance keeper's finance calls put on the wire, from a stand-in finance that records each request:
 * every field lands where finance reads it, the day and the channel included, so none is sent in another's place.
 */
class FinanceReservationsClientTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);

    private final RecordingFinance finance = RecordingFinance.start("\"budget_overspent_amount\":1.25");

    @AfterEach
    void stopFinance() {
        finance.close();
    }

    @Test
    void aReservationNamesTheDayTheAgentAndTheChannelOfTheSpend() {
        UUID key = UUID.randomUUID();

        var outcome = client().reserve(key, new BigDecimal("12.50"), "GBP", "ad spend, campaign spring", DAY);

        assertThat(outcome).isInstanceOf(FinanceReservations.ReserveOutcome.Reserved.class);
        assertThat(finance.requests())
                .containsExactly(
                        "/api/v1/financial/budgets/marketing/reservations " + key
                                + " {\"spent_on\":\"2025-12-31\",\"amount\":12.50,\"currency\":\"GBP\","
                                + "\"purpose\":\"ad spend, campaign spring\",\"requested_by\":\"ad-agent\",\"channel\":\"ad\"}");
    }

    @Test
    void anExpenseNamesTheDayTheAgentAndTheChannelOfTheSpend() {
        UUID key = UUID.randomUUID();

        var outcome = client().recordExpense(key, new BigDecimal("3.75"), "GBP", "ad spend (overspend)", DAY);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FinanceReservations.ExpenseOutcome.Recorded.class,
                        recorded -> assertThat(recorded.budgetOverspent()).isEqualByComparingTo("1.25"));
        assertThat(finance.requests())
                .containsExactly("/api/v1/financial/budgets/marketing/expenses " + key
                        + " {\"spent_on\":\"2025-12-31\",\"amount\":3.75,\"currency\":\"GBP\","
                        + "\"purpose\":\"ad spend (overspend)\",\"requested_by\":\"ad-agent\",\"channel\":\"ad\"}");
    }

    @Test
    void aCommitFinanceRefusesForTheReservationItselfIsARefusalForAPerson() {
        finance.refuseWith(409, "the reservation was released");

        assertThatThrownBy(() -> client().commit(UUID.randomUUID()))
                .isInstanceOf(SettlementRefusedException.class)
                .hasMessageContaining("409");
    }

    @Test
    void aSettlementOfAReservationAnotherCallerMadeIsARefusalForAPerson() {
        finance.refuseWith(403, FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER, "held by the caller that made it");

        assertThatThrownBy(() -> client().commit(UUID.randomUUID()))
                .isInstanceOf(SettlementRefusedException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> client().release(UUID.randomUUID()))
                .isInstanceOf(SettlementRefusedException.class)
                .hasMessageContaining("held by the caller that made it");
    }

    @Test
    void aSettlementAnsweredWithALimitOrAnAuthorisationProblemIsAskedAgainLater() {
        for (int status : new int[] {401, 403, 429}) {
            finance.refuseWith(status, "not now");

            assertThatThrownBy(() -> client().release(UUID.randomUUID()))
                    .as("answered %d", status)
                    .isInstanceOf(FinanceUnavailableException.class);
        }
    }

    private FinanceReservationsClient client() {
        return new FinanceReservationsClient(finance.client(), "marketing", "ad");
    }
}
