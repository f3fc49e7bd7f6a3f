package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ends an override before it expires, with why. */
record RevokeForecastOverrideRequest(
        @NotBlank @Size(max = 500) String reason) {}
