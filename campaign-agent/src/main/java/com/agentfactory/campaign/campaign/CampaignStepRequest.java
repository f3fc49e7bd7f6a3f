package com.agentfactory.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The launch-campaign and pause-campaign tasks' input: which campaign, and why (kept in its history). */
record CampaignStepRequest(
        @NotNull UUID campaignId,
        @NotBlank @Size(max = 1000) String reason) {}
