package com.agentfactory.campaign.journey;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Input of activate-journey. */
record ActivateJourneyTask(@NotNull UUID journeyId) {}
