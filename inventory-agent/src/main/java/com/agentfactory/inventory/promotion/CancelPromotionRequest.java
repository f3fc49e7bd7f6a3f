package com.agentfactory.inventory.promotion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a planned or running promotion is called off. */
record CancelPromotionRequest(@NotBlank @Size(max = 500) String reason) {}
