package com.agentfactory.campaign.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** What a campaign may spend, in an ISO 4217 currency. */
record CampaignBudget(
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {}
