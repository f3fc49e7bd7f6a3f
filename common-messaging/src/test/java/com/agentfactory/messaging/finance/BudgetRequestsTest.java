package com.agentfactory.messaging.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BudgetRequestsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);

    @Test
    void aReservationNamesNoDayNorChannelUnlessGivenThem() {
        var plain = new BudgetReservationRequest("ads", "key-1", BigDecimal.TEN, "GBP", "banner", "ad-agent");

        var dated = plain.withSpentOn(DAY).withChannel("ad");

        assertThat(plain.spentOn()).isNull();
        assertThat(plain.channel()).isNull();
        assertThat(dated)
                .isEqualTo(new BudgetReservationRequest(
                        "ads", "key-1", BigDecimal.TEN, "GBP", "banner", "ad-agent", DAY, "ad"));
    }

    @Test
    void aReservationWithoutItsIdempotencyKeyIsRefusedBeforeFinanceIsAsked() {
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new BudgetReservationRequest("ads", null, BigDecimal.TEN, "GBP", "banner", "ad-agent"))
                .withMessage("idempotencyKey");
    }

    @Test
    void anExpenseNeedsTheDayItWasSpentOnButNoChannel() {
        assertThatNullPointerException()
                .isThrownBy(() ->
                        new BudgetExpenseRequest("ads", "key-2", BigDecimal.ONE, "GBP", "overspend", "ad-agent", null))
                .withMessage("spentOn");

        var expense = new BudgetExpenseRequest("ads", "key-2", BigDecimal.ONE, "GBP", "overspend", "ad-agent", DAY);

        assertThat(expense.channel()).isNull();
        assertThat(expense.withChannel("ad").channel()).isEqualTo("ad");
        assertThat(expense.withChannel("ad").spentOn()).isEqualTo(DAY);
    }
}
