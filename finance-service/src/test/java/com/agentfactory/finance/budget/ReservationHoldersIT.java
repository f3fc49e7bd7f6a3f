package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.PERIOD;
import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.messaging.finance.FinanceProblemTypes;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A reservation is spent or given back by the caller that made it: another service, or a person the budget's rules
 * admit, is refused, so the money the ad agent holds for a campaign is still there when it spends it.
 */
class ReservationHoldersIT extends FinanceIntegrationTest {

    private String department;
    private String reservations;
    private Api adAgent;
    private Api inventoryAgent;
    private Api marketingManager;
    private Api financeAdmin;

    @BeforeEach
    void aBudgetTheAdAgentSpendsFrom() {
        department = freshDepartment();
        reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        adAgent = api.withToken(TestTokens.client("ad-agent"));
        inventoryAgent = api.withToken(TestTokens.client("inventory-agent"));
        marketingManager = api.withToken(TestTokens.staff("marketing-" + UUID.randomUUID(), "MARKETING_MANAGER"));
        financeAdmin = api.withToken(TestTokens.staff("finance-admin-" + UUID.randomUUID(), "ADMIN"));
        assertThat(financeAdmin
                        .put("/api/v1/financial/budgets/" + department, budget("1000.00"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusesToSettleAReservationForAnyCallerButItsHolderWhoThenSpendsIt() {
        String held = reserved(adAgent, "500.00");

        Response releasedByAnotherService = inventoryAgent.post(reservations + "/" + held + "/release", Map.of());
        Response committedByAnotherService = inventoryAgent.post(reservations + "/" + held + "/commit", Map.of());
        Response releasedByMarketing = marketingManager.post(reservations + "/" + held + "/release", Map.of());
        Response committedByMarketing = marketingManager.post(reservations + "/" + held + "/commit", Map.of());

        for (Response refused : List.of(
                releasedByAnotherService, committedByAnotherService, releasedByMarketing, committedByMarketing)) {
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            // spelled out: agents already running compare this very text, so it may not change with the constant
            assertThat(refused.text("/type")).isEqualTo("tag:agentfactory,2026:finance/reservation-held-by-another");
            assertThat(refused.text("/title")).isEqualTo("Reservation held by another caller");
            assertThat(refused.text("/detail")).contains("reservation " + held + " is held by the caller that made it");
        }
        assertThat(statusOf(held)).isEqualTo("reserved");
        assertThat(budgetNow().at("/committed_amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(budgetNow().at("/spent_amount").decimalValue()).isEqualByComparingTo("0.00");

        Response committedByItsHolder = adAgent.post(reservations + "/" + held + "/commit", Map.of());

        assertThat(committedByItsHolder.status())
                .as(String.valueOf(committedByItsHolder.body()))
                .isEqualTo(200);
        assertThat(committedByItsHolder.text("/status")).isEqualTo("committed");
        assertThat(budgetNow().at("/spent_amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(budgetNow().at("/committed_amount").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void letsTheHolderGiveItsReservationBack() {
        String held = reserved(adAgent, "500.00");

        Response released = adAgent.post(reservations + "/" + held + "/release", Map.of());

        assertThat(released.status()).as(String.valueOf(released.body())).isEqualTo(200);
        assertThat(statusOf(held)).isEqualTo("released");
        assertThat(budgetNow().at("/available_amount").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void letsAFinanceAdminReleaseAStuckReservationButNotSpendItForItsHolder() {
        String spentByAdmin = reserved(adAgent, "200.00");
        String stuck = reserved(adAgent, "500.00");

        Response committedByAdmin = financeAdmin.post(reservations + "/" + spentByAdmin + "/commit", Map.of());
        Response releasedByAdmin = financeAdmin.post(reservations + "/" + stuck + "/release", Map.of());

        assertThat(committedByAdmin.status())
                .as(String.valueOf(committedByAdmin.body()))
                .isEqualTo(403);
        assertThat(committedByAdmin.text("/type"))
                .isEqualTo(FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER.toString());
        assertThat(statusOf(spentByAdmin)).isEqualTo("reserved");
        assertThat(releasedByAdmin.status())
                .as(String.valueOf(releasedByAdmin.body()))
                .isEqualTo(200);
        assertThat(statusOf(stuck)).isEqualTo("released");
        assertThat(budgetNow().at("/committed_amount").decimalValue()).isEqualByComparingTo("200.00");
    }

    @Test
    void refusesToSpendAnotherCallersReservationByRecordingAnExpenseUnderItsKey() {
        String key = "campaign-" + UUID.randomUUID();
        Response reserved =
                adAgent.postWithHeaders(reservations, reservation("500.00"), Map.of("Idempotency-Key", key));
        assertThat(reserved.status()).isEqualTo(201);
        Map<String, Object> expense = Map.of(
                "spent_on", PERIOD + "-10",
                "amount", "500.00",
                "currency", "GBP",
                "purpose", "Google Ads, campaign spring-prints",
                "requested_by", "ad-agent");

        Response recordedByAnother = inventoryAgent.postWithHeaders(
                "/api/v1/financial/budgets/" + department + "/expenses", expense, Map.of("Idempotency-Key", key));

        assertThat(recordedByAnother.status())
                .as(String.valueOf(recordedByAnother.body()))
                .isEqualTo(403);
        assertThat(recordedByAnother.text("/type"))
                .isEqualTo(FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER.toString());
        assertThat(statusOf(reserved.text("/id"))).isEqualTo("reserved");
    }

    @Test
    void leavesAReservationMadeBeforeHoldersWereRecordedToWhoeverTheRulesAdmit() {
        String madeBefore = reserved(adAgent, "500.00");
        jdbc.update("UPDATE budget_reservations SET reserved_by = NULL WHERE id = ?::uuid", madeBefore);

        Response committedByAnotherService = inventoryAgent.post(reservations + "/" + madeBefore + "/commit", Map.of());

        assertThat(committedByAnotherService.status())
                .as(String.valueOf(committedByAnotherService.body()))
                .isEqualTo(200);
        assertThat(statusOf(madeBefore)).isEqualTo("committed");
    }

    @Test
    void tellsEachCallerWhoHoldsAReservationAndWhetherTheyMayCommitOrReleaseIt() {
        String managerId = "marketing-" + UUID.randomUUID();
        Api manager = api.withToken(TestTokens.staff(managerId, "MARKETING_MANAGER"));
        // requested_by is only what the request says: the ad agent holds this one though it names the manager
        Map<String, Object> namingTheManager = new HashMap<>(reservation("100.00"));
        namingTheManager.put("requested_by", managerId);
        Response heldByAgent = adAgent.post(reservations, namingTheManager);
        assertThat(heldByAgent.status()).as(String.valueOf(heldByAgent.body())).isEqualTo(201);
        String agents = heldByAgent.text("/id");
        // and the manager holds this one though it names someone else
        String managers = reserved(manager, "200.00");
        String madeBefore = reserved(adAgent, "300.00");
        jdbc.update("UPDATE budget_reservations SET reserved_by = NULL WHERE id = ?::uuid", madeBefore);

        Map<String, JsonNode> asManager = heldRows(manager);
        Map<String, JsonNode> asAdmin = heldRows(financeAdmin);
        // the support desk reads the financial API and may post to none of it
        Map<String, JsonNode> asSupport =
                heldRows(api.withToken(TestTokens.staff("support-" + UUID.randomUUID(), "SUPPORT_AGENT")));

        assertThat(heldByAgent.text("/reserved_by")).isEqualTo("agent:ad-agent");
        assertThat(heldByAgent.body().at("/may_commit").asBoolean()).isTrue();
        assertThat(heldByAgent.body().at("/may_release").asBoolean()).isTrue();
        assertThat(holderAndRights(asManager.get(agents))).isEqualTo("agent:ad-agent false false");
        assertThat(holderAndRights(asManager.get(managers))).isEqualTo(managerId + " true true");
        assertThat(holderAndRights(asManager.get(madeBefore))).isEqualTo("null true true");
        assertThat(holderAndRights(asAdmin.get(agents))).isEqualTo("agent:ad-agent false true");
        assertThat(holderAndRights(asAdmin.get(managers))).isEqualTo(managerId + " false true");
        assertThat(holderAndRights(asAdmin.get(madeBefore))).isEqualTo("null true true");
        assertThat(holderAndRights(asSupport.get(madeBefore))).isEqualTo("null false false");

        Response committed = manager.post(reservations + "/" + managers + "/commit", Map.of());

        assertThat(committed.status()).as(String.valueOf(committed.body())).isEqualTo(200);
        // spent: nothing is left to commit or release
        assertThat(holderAndRights(committed.body())).isEqualTo(managerId + " false false");
    }

    /** The department's held reservations as {@code caller} lists them, by id. */
    private Map<String, JsonNode> heldRows(Api caller) {
        Response listed = caller.get(reservations + "?period=" + PERIOD + "&status=reserved");
        assertThat(listed.status()).as(String.valueOf(listed.body())).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        listed.body().at("/items").forEach(row -> byId.put(row.at("/id").asString(), row));
        return byId;
    }

    private static String holderAndRights(JsonNode row) {
        JsonNode holder = row.at("/reserved_by");
        return (holder.isNull() || holder.isMissingNode() ? "null" : holder.asString()) + " "
                + row.at("/may_commit").asBoolean() + " "
                + row.at("/may_release").asBoolean();
    }

    private String reserved(Api caller, String amount) {
        Response reserved = caller.post(reservations, reservation(amount));
        assertThat(reserved.status()).as(String.valueOf(reserved.body())).isEqualTo(201);
        return reserved.text("/id");
    }

    private String statusOf(String reservationId) {
        return jdbc.queryForObject(
                "SELECT status FROM budget_reservations WHERE id = ?::uuid", String.class, reservationId);
    }

    private JsonNode budgetNow() {
        return api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                .body();
    }
}
