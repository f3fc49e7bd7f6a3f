package com.agentfactory.finance.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Budget and reservation requests as the marketing agents send them, each test on its own department. */
final class BudgetMother {

    static final String PERIOD = "2026-03";

    private BudgetMother() {}

    static String freshDepartment() {
        return "marketing-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> budget(String allocated) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("fiscal_period", PERIOD);
        budget.put("allocated_amount", allocated);
        budget.put("currency", "GBP");
        return budget;
    }

    static Map<String, Object> reservation(String amount) {
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("fiscal_period", PERIOD);
        reservation.put("amount", amount);
        reservation.put("currency", "GBP");
        reservation.put("purpose", "Google Ads, campaign spring-prints");
        reservation.put("requested_by", "ad-agent");
        return reservation;
    }
}
