package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.SettableClock;
import com.agentfactory.messaging.finance.BudgetReservation;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Spend reported after the month it was spent in ended: an ad exchange bills the impressions of the last day of a
 * month, which the ad agent settles with finance just after midnight, reserving it or, beyond its budget, recording
 * it as spent. Finance's clock is set to the boundary; the
 * months (December 2024, January 2025) are far from the other tests' budgets. The application is closed after the
 * class, since its clock is not the real one.
 */
@DirtiesContext
class SpendReportedAfterMonthEndIT extends FinanceIntegrationTest {

    private static final Instant JUST_AFTER_NEW_YEAR = Instant.parse("2025-01-01T00:05:00Z");
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2024, 12, 31);

    @TestConfiguration
    static class MonthBoundary {

        @Bean
        SettableClock clock() {
            return new SettableClock(JUST_AFTER_NEW_YEAR);
        }
    }

    @Autowired
    SettableClock clock;

    @LocalServerPort
    int localPort;

    @AfterEach
    void backToTheBoundary() {
        clock.set(JUST_AFTER_NEW_YEAR);
    }

    @Test
    void spendOfTheLastDaySettledAfterMidnightIsReservedFromThatMonthAndBookedOnThatDay() {
        String department = departmentWithDecemberAndJanuary();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Map<String, Object> lastDay = spentOn(NEW_YEARS_EVE, "30.00");

        Response reserved = api.post(reservations, lastDay);
        Response committed = api.post(reservations + "/" + reserved.text("/id") + "/commit", Map.of());
        Response undated = api.post(reservations, undated("5.00"));

        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.text("/fiscal_period")).isEqualTo("2024-12");
        assertThat(reserved.text("/spent_on")).isEqualTo("2024-12-31");
        assertThat(committed.status()).isEqualTo(200);
        assertThat(budgetOf(department, "2024-12").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("30.00");
        assertThat(budgetOf(department, "2025-01").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("0.00");
        Map<String, Object> expense = jdbc.queryForMap(
                "SELECT occurred_at, metadata->>'fiscal_period' AS period, metadata->>'spent_on' AS spent_on"
                        + " FROM financial_transactions WHERE id = ?",
                UUID.fromString(committed.text("/transaction_id")));
        assertThat(((Timestamp) expense.get("occurred_at")).toInstant())
                .isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
        assertThat(expense.get("period")).isEqualTo("2024-12");
        assertThat(expense.get("spent_on")).isEqualTo("2024-12-31");
        // a reservation that names no day is still made from the current month
        assertThat(undated.text("/fiscal_period")).isEqualTo("2025-01");
    }

    @Test
    void theAgentsClientSendsTheDayTheMoneyWasSpentOn() {
        String department = departmentWithDecemberAndJanuary();
        FinanceBudgetClient client = new FinanceBudgetClient(
                new FinanceClientSettings(
                        "http://127.0.0.1:" + localPort,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        1,
                        Duration.ofMillis(50),
                        Duration.ofMinutes(1)),
                (request, body, execution) -> {
                    request.getHeaders().setBearerAuth(TestTokens.client("ad-agent"));
                    return execution.execute(request, body);
                });

        BudgetReservation reserved = client.reserve(new BudgetReservationRequest(
                        department, UUID.randomUUID().toString(), new BigDecimal("12.50"), "GBP", "ads", "ad-agent")
                .withSpentOn(NEW_YEARS_EVE));

        assertThat(reserved).isInstanceOf(BudgetReservation.Reserved.class);
        assertThat(budgetOf(department, "2024-12").at("/committed_amount").decimalValue())
                .isEqualByComparingTo("12.50");
        assertThat(budgetOf(department, "2025-01").at("/committed_amount").decimalValue())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void aMonthTakesItsSpendUntilItsGraceEndsAndNoDayAfterTomorrowIsTaken() {
        String department = departmentWithDecemberAndJanuary();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Response withinGrace = api.postWithHeaders(reservations, spentOn(NEW_YEARS_EVE, "10.00"), key);

        // the grace is five days: December is closed from 6 January, 00:00 UTC
        clock.set(Instant.parse("2025-01-05T23:59:00Z"));
        Response lastMomentOfGrace = api.post(reservations, spentOn(NEW_YEARS_EVE, "1.00"));
        clock.set(Instant.parse("2025-01-06T00:00:00Z"));
        Response closed = api.post(reservations, spentOn(NEW_YEARS_EVE, "1.00"));
        Response retriedAfterClosing = api.postWithHeaders(reservations, spentOn(NEW_YEARS_EVE, "10.00"), key);
        Response committedAfterClosing = api.post(reservations + "/" + withinGrace.text("/id") + "/commit", Map.of());
        Response tomorrow = api.post(reservations, spentOn(LocalDate.of(2025, 1, 7), "1.00"));
        Response afterTomorrow = api.post(reservations, spentOn(LocalDate.of(2025, 1, 8), "1.00"));
        Map<String, Object> otherMonth = spentOn(LocalDate.of(2025, 1, 5), "1.00");
        otherMonth.put("fiscal_period", "2024-12");
        Response periodAndDayDisagree = api.post(reservations, otherMonth);

        assertThat(withinGrace.status()).isEqualTo(201);
        assertThat(lastMomentOfGrace.status()).isEqualTo(201);
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.errorFields()).containsExactly("spent_on");
        assertThat(retriedAfterClosing.status()).isEqualTo(200);
        assertThat(retriedAfterClosing.text("/id")).isEqualTo(withinGrace.text("/id"));
        assertThat(committedAfterClosing.status()).isEqualTo(200);
        assertThat(tomorrow.status()).isEqualTo(201);
        assertThat(afterTomorrow.status()).isEqualTo(422);
        assertThat(afterTomorrow.errorFields()).containsExactly("spent_on");
        assertThat(periodAndDayDisagree.status()).isEqualTo(422);
        assertThat(periodAndDayDisagree.errorFields()).containsExactly("fiscal_period");
        assertThat(budgetOf(department, "2024-12").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(budgetOf(department, "2024-12").at("/committed_amount").decimalValue())
                .isEqualByComparingTo("1.00");
    }

    @Test
    void aReservationCommittedAfterItsMonthClosedIsBookedNowAsLateLeavingTheClosedMonthsLedgerAsItWas() {
        String department = departmentWithDecemberAndJanuary();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Response reserved = api.post(reservations, spentOn(NEW_YEARS_EVE, "40.00"));
        Instant closed = Instant.parse("2025-01-06T00:00:00Z");
        clock.set(closed);

        Response committed = api.post(reservations + "/" + reserved.text("/id") + "/commit", Map.of());

        assertThat(reserved.status()).isEqualTo(201);
        assertThat(committed.status()).isEqualTo(200);
        // the month that reserved the money spends it: it already counted it as used
        assertThat(budgetOf(department, "2024-12").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("40.00");
        assertThat(budgetOf(department, "2024-12").at("/committed_amount").decimalValue())
                .isEqualByComparingTo("0.00");
        Map<String, Object> booked = jdbc.queryForMap(
                "SELECT occurred_at, metadata->>'booked_late' AS late, metadata->>'spent_on' AS spent_on"
                        + " FROM financial_transactions WHERE id = ?",
                UUID.fromString(committed.text("/transaction_id")));
        assertThat(((Timestamp) booked.get("occurred_at")).toInstant()).isAfterOrEqualTo(closed);
        assertThat(booked.get("late")).isEqualTo("true");
        assertThat(booked.get("spent_on")).isEqualTo("2024-12-31");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ? AND occurred_at < ?",
                        Long.class,
                        department,
                        Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"))))
                .as("December's ledger")
                .isZero();
    }

    @Test
    void spendNoReservationHeldIsBookedInItsMonthWithinTheGraceAndInTheCurrentMonthAsLateAfter() {
        String department = departmentWithDecemberAndJanuary();
        String expenses = "/api/v1/financial/budgets/" + department + "/expenses";

        Response inItsMonth = api.postWithHeaders(expenses, spentOn(NEW_YEARS_EVE, "120.00"), key());
        clock.set(Instant.parse("2025-01-06T00:00:00Z"));
        Response late = api.postWithHeaders(expenses, spentOn(NEW_YEARS_EVE, "3.00"), key());

        assertThat(inItsMonth.status()).isEqualTo(201);
        assertThat(inItsMonth.text("/fiscal_period")).isEqualTo("2024-12");
        assertThat(budgetOf(department, "2024-12").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("120.00");
        assertThat(budgetOf(department, "2024-12").at("/status").asString()).isEqualTo("overspent");
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.text("/fiscal_period")).isEqualTo("2025-01");
        assertThat(late.text("/spent_on")).isEqualTo("2024-12-31");
        assertThat(budgetOf(department, "2025-01").at("/spent_amount").decimalValue())
                .isEqualByComparingTo("3.00");
        Map<String, Object> booked = jdbc.queryForMap(
                "SELECT occurred_at, metadata->>'booked_late' AS late, metadata->>'spent_on' AS spent_on"
                        + " FROM financial_transactions WHERE id = ?",
                UUID.fromString(late.text("/transaction_id")));
        assertThat(((Timestamp) booked.get("occurred_at")).toInstant())
                .isAfterOrEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
        assertThat(booked.get("late")).isEqualTo("true");
        assertThat(booked.get("spent_on")).isEqualTo("2024-12-31");
    }

    @Test
    void refusesASpendDayOutsideTheYearsRecordsCoverRatherThanBookingItAsLate() {
        String department = departmentWithDecemberAndJanuary();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        String expenses = "/api/v1/financial/budgets/" + department + "/expenses";

        for (String day : new String[] {"0001-01-01", "-5000-01-01", "1969-12-31"}) {
            Map<String, Object> request = undated("1.00");
            request.put("spent_on", day);
            Response reserved = api.postWithHeaders(reservations, request, key());
            Response recorded = api.postWithHeaders(expenses, request, key());

            assertThat(reserved.status()).as(day).isEqualTo(400);
            assertThat(reserved.errorFields()).as(day).containsExactly("spent_on");
            assertThat(recorded.status()).as(day).isEqualTo(400);
            assertThat(recorded.errorFields()).as(day).containsExactly("spent_on");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ?", Long.class, department))
                .isZero();
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private String departmentWithDecemberAndJanuary() {
        String department = freshDepartment();
        for (String period : new String[] {"2024-12", "2025-01"}) {
            Map<String, Object> budget = budget("100.00");
            budget.put("fiscal_period", period);
            assertThat(api.put("/api/v1/financial/budgets/" + department, budget)
                            .status())
                    .isEqualTo(201);
        }
        return department;
    }

    private JsonNode budgetOf(String department, String period) {
        return api.get("/api/v1/financial/budgets/" + department + "?period=" + period)
                .body();
    }

    private static Map<String, Object> spentOn(LocalDate day, String amount) {
        Map<String, Object> request = undated(amount);
        request.put("spent_on", day.toString());
        return request;
    }

    private static Map<String, Object> undated(String amount) {
        Map<String, Object> request = reservation(amount);
        request.remove("fiscal_period");
        return request;
    }
}
