package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.PERIOD;
import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.SettableClock;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Reservations found again and given back: listed by status, released by the sweep once their expires_at has passed,
 * and every time finance answers is the time its clock read, as a later read shows it. Finance's clock is set far from
 * the database's, so a time the database made up instead would show; the application is closed after the class.
 */
@DirtiesContext
class ReservationHoldsIT extends FinanceIntegrationTest {

    private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");

    @TestConfiguration
    static class FixedMidday {

        @Bean
        SettableClock clock() {
            return new SettableClock(MIDDAY);
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    ExpiredReservations expiredReservations;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void backToMidday() {
        clock.set(MIDDAY);
    }

    @Test
    void listsADepartmentsReservationsByStatusOldestFirstPageByPage() {
        String department = departmentWithABudget();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        String held = api.post(reservations, reservation("10.00")).text("/id");
        String spent = api.post(reservations, reservation("20.00")).text("/id");
        String givenBack = api.post(reservations, reservation("30.00")).text("/id");
        String heldLater = api.post(reservations, reservation("40.00")).text("/id");
        api.post(reservations + "/" + spent + "/commit", Map.of());
        api.post(reservations + "/" + givenBack + "/release", Map.of());

        Response stillHeld = api.get(reservations + "?status=reserved");
        Response firstPage = api.get(reservations + "?limit=3");
        Response secondPage = api.get(reservations + "?limit=3&page=2");
        Response otherMonth = api.get(reservations + "?status=reserved&period=2026-04");
        Response unknownStatus = api.get(reservations + "?status=pending");

        assertThat(stillHeld.status()).isEqualTo(200);
        assertThat(ids(stillHeld)).containsExactly(held, heldLater);
        assertThat(stillHeld.body().at("/items/0/status").asString()).isEqualTo("reserved");
        assertThat(stillHeld.body().at("/items/0/fiscal_period").asString()).isEqualTo(PERIOD);
        assertThat(stillHeld.body().at("/items/0/budget_available_amount").decimalValue())
                .isEqualByComparingTo("30.00");
        assertThat(stillHeld.body().at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(held, spent, givenBack);
        assertThat(firstPage.body().at("/pagination/total_pages").asLong()).isEqualTo(2);
        assertThat(ids(secondPage)).containsExactly(heldLater);
        assertThat(otherMonth.body().at("/items").size()).isZero();
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.errorFields()).containsExactly("status");
    }

    @Test
    void releasesAReservationHeldPastItsExpiryAsAReleaseAndLeavesTheOthersHeld() {
        String department = departmentWithABudget();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Response expiring = api.post(reservations, holdUntil("10.00", MIDDAY.plus(Duration.ofMinutes(10))));
        Response expiringLater = api.post(reservations, holdUntil("20.00", MIDDAY.plus(Duration.ofHours(1))));
        Response heldForGood = api.post(reservations, reservation("30.00"));
        Instant sweptAt = MIDDAY.plus(Duration.ofMinutes(11));
        clock.set(sweptAt);

        expiredReservations.releaseExpired();

        assertThat(expiring.status()).isEqualTo(201);
        assertThat(expiring.text("/expires_at")).isEqualTo("2026-03-10T12:10:00Z");
        assertThat(heldForGood.body().at("/expires_at").isNull()).isTrue();
        assertThat(ids(api.get(reservations + "?status=reserved")))
                .containsExactly(expiringLater.text("/id"), heldForGood.text("/id"));
        JsonNode released = api.get(reservations + "?status=released").body().at("/items/0");
        assertThat(released.at("/id").asString()).isEqualTo(expiring.text("/id"));
        assertThat(Instant.parse(released.at("/resolved_at").asString())).isBetween(sweptAt, clock.instant());
        assertThat(budgetStatus(department).at("/committed_amount").decimalValue())
                .isEqualByComparingTo("50.00");
        assertThat(jdbc.queryForList(
                        "SELECT agent_id, new_values->>'status' AS status FROM audit_log"
                                + " WHERE table_name = 'budget_reservations' AND record_id = ? AND action = 'UPDATE'",
                        UUID.fromString(expiring.text("/id"))))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("agent_id")).isEqualTo("finance");
                    assertThat(row.get("status")).isEqualTo("released");
                });
    }

    @Test
    void refusesAnExpiryThatHasAlreadyPassed() {
        String department = departmentWithABudget();

        Response refused = api.post(
                "/api/v1/financial/budgets/" + department + "/reservations",
                holdUntil("10.00", MIDDAY.minusSeconds(1)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("expires_at");
        assertThat(budgetStatus(department).at("/committed_amount").decimalValue())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void passesOverABudgetAnotherTransactionHoldsAndReleasesItsReservationOnTheNextSweep() throws Exception {
        String department = departmentWithABudget();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        String expiring = api.post(reservations, holdUntil("10.00", MIDDAY.plusSeconds(60)))
                .text("/id");
        clock.set(MIDDAY.plusSeconds(61));

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM budgets WHERE department = ? FOR UPDATE")) {
                lock.setString(1, department);
                lock.executeQuery().close();
            }
            // it does not wait for the lock: a sweep blocked behind a request would hold up every other budget
            CompletableFuture.runAsync(expiredReservations::releaseExpired).get(20, TimeUnit.SECONDS);
            assertThat(status(expiring)).isEqualTo("reserved");
            other.rollback();
        }
        expiredReservations.releaseExpired();

        assertThat(status(expiring)).isEqualTo("released");
        assertThat(budgetStatus(department).at("/committed_amount").decimalValue())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void answersTheTimesItStoresAsALaterReadShowsThem() {
        String department = freshDepartment();
        String budgetPath = "/api/v1/financial/budgets/" + department;
        String reservations = budgetPath + "/reservations";
        api.put(budgetPath, budget("100.00"));
        clock.set(MIDDAY.plusSeconds(1));
        Response changed = api.put(budgetPath, budget("200.00"));
        JsonNode afterChange = budgetStatus(department);
        clock.set(MIDDAY.plusSeconds(2));
        Response reserved = api.post(reservations, reservation("10.00"));
        Response toRelease = api.post(reservations, reservation("5.00"));
        clock.set(MIDDAY.plusSeconds(3));
        Response committed = api.post(reservations + "/" + reserved.text("/id") + "/commit", Map.of());
        Response released = api.post(reservations + "/" + toRelease.text("/id") + "/release", Map.of());
        JsonNode afterRelease = budgetStatus(department);
        List<JsonNode> listed =
                api.get(reservations).body().at("/items").valueStream().toList();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(Instant.parse(changed.text("/updated_at"))).isBetween(MIDDAY.plusSeconds(1), MIDDAY.plusSeconds(2));
        assertThat(afterChange.at("/updated_at").asString()).isEqualTo(changed.text("/updated_at"));
        assertThat(listed.get(0).at("/created_at").asString()).isEqualTo(reserved.text("/created_at"));
        assertThat(Instant.parse(committed.text("/resolved_at")))
                .isBetween(MIDDAY.plusSeconds(3), MIDDAY.plusSeconds(4));
        assertThat(listed.get(0).at("/resolved_at").asString()).isEqualTo(committed.text("/resolved_at"));
        assertThat(listed.get(1).at("/resolved_at").asString()).isEqualTo(released.text("/resolved_at"));
        assertThat(Instant.parse(afterRelease.at("/updated_at").asString()))
                .isBetween(MIDDAY.plusSeconds(3), MIDDAY.plusSeconds(4));
    }

    private String departmentWithABudget() {
        String department = freshDepartment();
        assertThat(api.put("/api/v1/financial/budgets/" + department, budget("100.00"))
                        .status())
                .isEqualTo(201);
        return department;
    }

    private JsonNode budgetStatus(String department) {
        return api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                .body();
    }

    private String status(String reservationId) {
        return jdbc.queryForObject(
                "SELECT status FROM budget_reservations WHERE id = ?", String.class, UUID.fromString(reservationId));
    }

    private static Map<String, Object> holdUntil(String amount, Instant expiresAt) {
        Map<String, Object> request = reservation(amount);
        request.put("expires_at", expiresAt.toString());
        return request;
    }

    private static List<String> ids(Response page) {
        return page.body()
                .at("/items")
                .valueStream()
                .map(item -> item.at("/id").asString())
                .toList();
    }
}
