package com.agentfactory.campaign.delivery;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * A test send of an e-mail template to a person checking it: the template filled as a preview would be (the
 * variables, then {@code customerId}'s profile and products for the rest), sent to {@code to}.
 */
record SendTestRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.\\-]+", message = "letters, digits, _ . - only")
        String templateId,

        @NotBlank @Email @Size(max = 254) String to,
        UUID customerId,
        @Size(max = 100) Map<String, Object> variables) {}
