package com.agentfactory.campaign.kpi;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long after a delivered message an order still counts as a conversion of it. */
@ConfigurationProperties("agentfactory.campaign.kpis")
@Validated
record KpiProperties(@NotNull Duration conversionWindow) {}
