package com.agentfactory.ad.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A status change of one campaign as an agent task. */
record CampaignStepRequest(
        @NotNull UUID campaignId,
        @NotBlank @Size(max = 1000) String reason) {}
