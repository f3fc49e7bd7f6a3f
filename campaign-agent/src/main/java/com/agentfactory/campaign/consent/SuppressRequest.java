package com.agentfactory.campaign.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SuppressRequest(@NotBlank @Size(max = 500) String reason) {}
