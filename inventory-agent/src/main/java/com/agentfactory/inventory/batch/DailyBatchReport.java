package com.agentfactory.inventory.batch;

import java.time.Instant;
import java.util.Map;

/**
 * What a daily run did.
 *
 * @param alertsRaised alerts newly raised by type (overstock, slow_moving, expiry_risk)
 * @param budgetsSettled received or cancelled orders whose reservation finance was told about only now
 */
record DailyBatchReport(
        Instant startedAt,
        Instant finishedAt,
        int skus,
        int suggested,
        int autoApproved,
        Map<String, Integer> alertsRaised,
        int budgetsSettled) {}
