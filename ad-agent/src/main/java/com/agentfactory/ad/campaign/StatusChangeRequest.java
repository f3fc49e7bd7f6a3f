package com.agentfactory.ad.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a campaign is activated, paused, resumed or ended; kept in its audit. */
record StatusChangeRequest(@NotBlank @Size(max = 1000) String reason) {}
