package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param source where the customer gave or withdrew consent (a sign-up form, the preference page, support)
 */
record ChannelConsentRequest(
        @NotNull @Pattern(regexp = Channel.PATTERN, message = "must be one of: email, sms, push")
        String channel,

        @NotNull Boolean granted,
        @NotBlank @Size(max = 200) String source) {}
