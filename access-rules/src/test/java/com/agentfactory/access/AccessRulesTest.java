package com.agentfactory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the platform's table as the library ships it, not a copy of it. */
class AccessRulesTest {

    private static final UUID OWN = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OTHER = UUID.fromString("22222222-2222-2222-2222-222222222222");

    private static final AccessRules EVALUATOR = AccessRules.platform();

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(textBlock = """
            # Users
            ADMIN,             GET,    /api/v1/customers/OTHER,                  GRANTED
            ADMIN,             DELETE, /api/v1/customers/OTHER,                  GRANTED
            MARKETING_MANAGER, GET,    /api/v1/customers/OTHER/orders,           GRANTED
            MARKETING_MANAGER, PUT,    /api/v1/customers/OTHER,                  DENIED
            SUPPORT_AGENT,     GET,    /api/v1/customers/OTHER,                  GRANTED
            SUPPORT_AGENT,     POST,   /api/v1/customers,                        DENIED
            CUSTOMER,          GET,    /api/v1/customers/OWN,                    GRANTED
            CUSTOMER,          PUT,    /api/v1/customers/OWN/profile,            GRANTED
            CUSTOMER,          GET,    /api/v1/customers/OTHER,                  DENIED
            CUSTOMER,          GET,    /api/v1/customers/not-a-uuid,             DENIED
            CUSTOMER,          GET,    /api/v1/customers,                        DENIED
            SYSTEM_AGENT,      DELETE, /api/v1/customers/OTHER,                  GRANTED
            ANONYMOUS,         GET,    /api/v1/customers/OWN,                    DENIED
            # Products
            ADMIN,             POST,   /api/v1/products,                         GRANTED
            MARKETING_MANAGER, PUT,    /api/v1/products/42,                      GRANTED
            MARKETING_MANAGER, POST,   /api/v1/recommendations/rebuild,          GRANTED
            SUPPORT_AGENT,     GET,    /api/v1/products/42,                      GRANTED
            SUPPORT_AGENT,     POST,   /api/v1/products,                         DENIED
            CUSTOMER,          GET,    /api/v1/recommendations/users/OWN,        GRANTED
            CUSTOMER,          GET,    /api/v1/recommendations/users/OWN/cart-recovery, GRANTED
            CUSTOMER,          GET,    /api/v1/recommendations/products/42/similar, GRANTED
            CUSTOMER,          GET,    /api/v1/recommendations/upsell,           GRANTED
            CUSTOMER,          GET,    /api/v1/recommendations/frequently-bought-together, GRANTED
            CUSTOMER,          GET,    /api/v1/recommendations/rules,            DENIED
            SUPPORT_AGENT,     GET,    /api/v1/recommendations/rules,            DENIED
            SUPPORT_AGENT,     GET,    /api/v1/recommendations/users/OTHER/cart-recovery, GRANTED
            MARKETING_MANAGER, GET,    /api/v1/recommendations/rules,            GRANTED
            MARKETING_MANAGER, POST,   /api/v1/recommendations/rules,            GRANTED
            CUSTOMER,          PUT,    /api/v1/products/42/margin,               DENIED
            CUSTOMER,          POST,   /api/v1/recommendations/batch,            DENIED
            CUSTOMER,          DELETE, /api/v1/products/42,                      DENIED
            ANONYMOUS,         GET,    /api/v1/products/42,                      GRANTED
            ANONYMOUS,         HEAD,   /api/v1/products,                         GRANTED
            ANONYMOUS,         POST,   /api/v1/products,                         DENIED
            ANONYMOUS,         GET,    /api/v1/recommendations/for-me,           DENIED
            SYSTEM_AGENT,      PATCH,  /api/v1/products/42,                      GRANTED
            # Campaigns
            ADMIN,             DELETE, /api/v1/campaigns/7,                      GRANTED
            MARKETING_MANAGER, POST,   /api/v1/campaigns,                        GRANTED
            SUPPORT_AGENT,     GET,    /api/v1/campaigns/7,                      GRANTED
            SUPPORT_AGENT,     POST,   /api/v1/campaigns,                        DENIED
            CUSTOMER,          GET,    /api/v1/campaigns/consents/OWN,           GRANTED
            CUSTOMER,          PUT,    /api/v1/campaigns/consents/OWN,           GRANTED
            CUSTOMER,          PUT,    /api/v1/campaigns/consents/OTHER,         DENIED
            CUSTOMER,          PUT,    /api/v1/campaigns/consents/OWN/time-zone, GRANTED
            CUSTOMER,          PUT,    /api/v1/campaigns/consents/OTHER/time-zone, DENIED
            CUSTOMER,          PUT,    /api/v1/campaigns/consents/OWN/suppressions/email, DENIED
            CUSTOMER,          GET,    /api/v1/campaigns,                        DENIED
            CUSTOMER,          POST,   /api/v1/campaigns,                        DENIED
            SYSTEM_AGENT,      PUT,    /api/v1/campaigns/7,                      GRANTED
            # Agents
            ADMIN,             POST,   /api/v1/agents/ad-agent/pause,            GRANTED
            MARKETING_MANAGER, GET,    /api/v1/agents,                           GRANTED
            MARKETING_MANAGER, POST,   /api/v1/agents/ad-agent/pause,            DENIED
            SUPPORT_AGENT,     GET,    /api/v1/agents/ad-agent,                  GRANTED
            CUSTOMER,          GET,    /api/v1/agents,                           DENIED
            SYSTEM_AGENT,      POST,   /api/v1/agents/ad-agent/heartbeat,        GRANTED
            # Analytics
            ADMIN,             POST,   /api/v1/financial/budgets,                GRANTED
            MARKETING_MANAGER, PUT,    /api/v1/analytics/reports/1,              GRANTED
            SUPPORT_AGENT,     GET,    /api/v1/analytics/dashboard,              GRANTED
            SUPPORT_AGENT,     POST,   /api/v1/financial/budgets,                DENIED
            CUSTOMER,          GET,    /api/v1/analytics/customers/OWN/summary,  GRANTED
            CUSTOMER,          GET,    /api/v1/analytics/customers/OTHER/summary, DENIED
            CUSTOMER,          GET,    /api/v1/financial/revenue,                DENIED
            SYSTEM_AGENT,      POST,   /api/v1/financial/transactions,           GRANTED
            # Supervisor, support, ads, inventory
            ADMIN,             GET,    /api/v1/events,                           GRANTED
            SYSTEM_AGENT,      POST,   /api/v1/events,                           GRANTED
            MARKETING_MANAGER, GET,    /api/v1/events,                           DENIED
            CUSTOMER,          POST,   /api/v1/events,                           GRANTED
            CUSTOMER,          POST,   /api/v1/events/batch,                     GRANTED
            CUSTOMER,          GET,    /api/v1/events,                           DENIED
            CUSTOMER,          POST,   /api/v1/events/replay,                    DENIED
            SUPPORT_AGENT,     POST,   /api/v1/events,                           DENIED
            ANONYMOUS,         POST,   /api/v1/events,                           DENIED
            SUPPORT_AGENT,     POST,   /api/v1/escalations/9/resolve,            GRANTED
            MARKETING_MANAGER, GET,    /api/v1/escalations,                      GRANTED
            CUSTOMER,          GET,    /api/v1/escalations,                      DENIED
            CUSTOMER,          POST,   /api/v1/support/messages,                 GRANTED
            CUSTOMER,          POST,   /api/v1/support/conversations/5/messages, GRANTED
            CUSTOMER,          GET,    /api/v1/support/returns/5,                GRANTED
            ANONYMOUS,         GET,    /api/v1/support/returns/5,                DENIED
            ANONYMOUS,         POST,   /api/v1/support/messages,                 DENIED
            CUSTOMER,          GET,    /api/v1/support/escalations,              DENIED
            SUPPORT_AGENT,     POST,   /api/v1/support/escalations/5/claim,      GRANTED
            MARKETING_MANAGER, POST,   /api/v1/support/escalations/5/answer,     DENIED
            CUSTOMER,          POST,   /api/v1/support/email/inbound,            DENIED
            SYSTEM_AGENT,      POST,   /api/v1/support/email/inbound,            GRANTED
            MARKETING_MANAGER, POST,   /api/v1/support/messages,                 GRANTED
            MARKETING_MANAGER, GET,    /api/v1/support/conversations/5,          DENIED
            SYSTEM_AGENT,      GET,    /api/v1/support/tickets/5,                DENIED
            MARKETING_MANAGER, GET,    /api/v1/support/returns/5,                DENIED
            SUPPORT_AGENT,     GET,    /api/v1/support/returns/5,                GRANTED
            SYSTEM_AGENT,      POST,   /api/v1/support/returns/5/receipt,        GRANTED
            SYSTEM_AGENT,      GET,    /api/v1/support/escalations,              DENIED
            MARKETING_MANAGER, POST,   /api/v1/ads,                              GRANTED
            SUPPORT_AGENT,     GET,    /api/v1/ads,                              DENIED
            SUPPORT_AGENT,     GET,    /api/v1/inventory/sku-1,                  GRANTED
            SUPPORT_AGENT,     PUT,    /api/v1/inventory/sku-1,                  DENIED
            CUSTOMER,          GET,    /api/v1/inventory,                        DENIED
            CUSTOMER,          GET,    /api/v1/inventory/stock/sku-1,            GRANTED
            ANONYMOUS,         GET,    /api/v1/inventory/stock,                  GRANTED
            ANONYMOUS,         POST,   /api/v1/inventory/reservations,           DENIED
            CUSTOMER,          POST,   /api/v1/inventory/reservations,           DENIED
            SYSTEM_AGENT,      POST,   /api/v1/inventory/reservations,           GRANTED
            ANONYMOUS,         POST,   /api/v1/campaigns/unsubscribe,            GRANTED
            CUSTOMER,          POST,   /api/v1/campaigns/unsubscribe,            GRANTED
            ANONYMOUS,         GET,    /api/v1/campaigns/track/open,             GRANTED
            ANONYMOUS,         GET,    /api/v1/campaigns/track/click,            GRANTED
            ANONYMOUS,         POST,   /api/v1/campaigns/track/click,            DENIED
            ANONYMOUS,         GET,    /api/v1/campaigns/journeys,               DENIED
            CUSTOMER,          POST,   /api/v1/campaigns/journeys,               DENIED
            # the dashboard's staff lists: stocked SKUs and demand stay off the public stock paths
            SUPPORT_AGENT,     GET,    /api/v1/inventory/skus,                   GRANTED
            MARKETING_MANAGER, GET,    /api/v1/inventory/demand/sku-1,           GRANTED
            CUSTOMER,          GET,    /api/v1/inventory/skus,                   DENIED
            ANONYMOUS,         GET,    /api/v1/inventory/demand/sku-1,           DENIED
            MARKETING_MANAGER, PUT,    /api/v1/campaigns/journeys/7,             GRANTED
            MARKETING_MANAGER, POST,   /api/v1/campaigns/templates/email/t/preview, GRANTED
            SUPPORT_AGENT,     POST,   /api/v1/campaigns/templates/email/t/preview, DENIED
            SUPPORT_AGENT,     GET,    /api/v1/campaigns/suppressions,           GRANTED
            CUSTOMER,          GET,    /api/v1/campaigns/suppressions,           DENIED
            CUSTOMER,          GET,    /api/v1/campaigns/templates,              DENIED
            # Gateway's own endpoints
            ANONYMOUS,         POST,   /api/v1/auth/login,                       GRANTED
            ANONYMOUS,         POST,   /api/v1/auth/register,                    GRANTED
            ANONYMOUS,         POST,   /api/v1/auth/users,                       DENIED
            CUSTOMER,          POST,   /api/v1/auth/users,                       DENIED
            MARKETING_MANAGER, POST,   /api/v1/auth/users,                       DENIED
            ADMIN,             POST,   /api/v1/auth/users,                       GRANTED
            ADMIN,             PUT,    /api/v1/auth/users/OTHER/role,            GRANTED
            MARKETING_MANAGER, PUT,    /api/v1/auth/users/OTHER/role,            DENIED
            CUSTOMER,          PUT,    /api/v1/auth/users/OWN/role,              DENIED
            ADMIN,             GET,    /api/v1/auth/audit,                       GRANTED
            SUPPORT_AGENT,     GET,    /api/v1/auth/audit,                       DENIED
            CUSTOMER,          GET,    /api/v1/auth/audit,                       DENIED
            SYSTEM_AGENT,      GET,    /api/v1/auth/audit,                       DENIED
            ANONYMOUS,         GET,    /api/v1/auth/audit,                       DENIED
            ANONYMOUS,         GET,    /actuator/health/readiness,               GRANTED
            ANONYMOUS,         GET,    /actuator/prometheus,                     DENIED
            SYSTEM_AGENT,      GET,    /actuator/prometheus,                     GRANTED
            ANONYMOUS,         GET,    /v3/api-docs,                             GRANTED
            # Paths no route serves are left to the router's 404
            ANONYMOUS,         GET,    /api/v1/unknown,                          NOT_COVERED
            CUSTOMER,          GET,    /api/v1/orders/1,                         NOT_COVERED
            """)
    void followsTheAccessMatrix(String role, String method, String path, AccessDecision expected) {
        assertThat(EVALUATOR.evaluate(method, resolve(path), caller(role))).isEqualTo(expected);
    }

    @Test
    void rejectsCustomerReadingAnotherCustomersData() {
        AccessSubject customer = AccessSubject.of(Set.of(Role.CUSTOMER), OWN);

        assertThat(EVALUATOR.evaluate("GET", "/api/v1/customers/" + OTHER + "/orders", customer))
                .isEqualTo(AccessDecision.DENIED);
    }

    @Test
    void rejectsCustomerWithoutCustomerIdClaimOnSelfPaths() {
        AccessSubject customerWithoutId = AccessSubject.of(Set.of(Role.CUSTOMER), null);

        assertThat(EVALUATOR.evaluate("GET", "/api/v1/customers/" + OWN, customerWithoutId))
                .isEqualTo(AccessDecision.DENIED);
    }

    @Test
    void refusesRuleThatGrantsNobody() {
        assertThatThrownBy(() -> new AccessRule(List.of("/x/**"), List.of(), List.of(), false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSelfRuleWithoutCustomerIdVariable() {
        assertThatThrownBy(() -> new AccessRule(List.of("/x/**"), List.of(), List.of(Role.CUSTOMER), false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String resolve(String path) {
        return path.replace("OWN", OWN.toString()).replace("OTHER", OTHER.toString());
    }

    private static AccessSubject caller(String role) {
        if ("ANONYMOUS".equals(role)) {
            return AccessSubject.ANONYMOUS;
        }
        Role parsed = Role.valueOf(role);
        return AccessSubject.of(Set.of(parsed), parsed == Role.CUSTOMER ? OWN : null);
    }
}
