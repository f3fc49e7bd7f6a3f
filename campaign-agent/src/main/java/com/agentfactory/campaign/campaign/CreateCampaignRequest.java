package com.agentfactory.campaign.campaign;

import com.agentfactory.campaign.channel.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A new campaign, planned (REST and the plan-campaign task).
 *
 * @param segmentRule whom the campaign reaches, in the segment rule language; optional while planning
 */
record CreateCampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 1000) String goal,

        @NotNull @Pattern(regexp = Channel.PATTERN, message = "must be one of: email, sms, push")
        String channel,

        Map<String, Object> segmentRule,
        @Valid CampaignBudget budget) {}
