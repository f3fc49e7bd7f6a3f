package com.agentfactory.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Move a campaign to another lifecycle state, saying why (kept in its history). */
record TransitionCampaignRequest(
        @NotNull
        @Pattern(
                regexp = CampaignState.PATTERN,
                message = "must be one of: " + "plan, create, test, launch, optimise, monitor, paused, analyse,"
                        + " report, archive")
        String targetState,

        @NotBlank @Size(max = 1000) String reason) {}
