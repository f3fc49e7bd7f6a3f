package com.agentfactory.campaign.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The channels whose consent changes; channels not listed keep what they had. */
record UpdateConsentsRequest(@NotEmpty @Size(max = 3) List<@Valid @NotNull ChannelConsentRequest> consents) {}
