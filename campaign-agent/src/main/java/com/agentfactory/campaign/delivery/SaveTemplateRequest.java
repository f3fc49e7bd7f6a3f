package com.agentfactory.campaign.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SaveTemplateRequest(
        @Size(max = 500) String subject,
        @NotBlank @Size(max = 100_000) String body) {}
