package com.agentfactory.campaign.delivery;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How sends are delivered. The secrets sign unsubscribe links, open and click tracking links, and webhook bodies;
 * the public base URL is where a customer's mail client reaches the unsubscribe and tracking endpoints (through
 * the gateway).
 */
@ConfigurationProperties("agentfactory.campaign.delivery")
@Validated
record DeliveryProperties(
        boolean enabled,
        @NotBlank @Email String fromAddress,
        @NotBlank String postalAddress,
        @NotBlank String publicBaseUrl,

        @NotBlank @Size(min = 16, message = "must be at least 16 characters")
        String unsubscribeSecret,

        @NotBlank @Size(min = 16, message = "must be at least 16 characters")
        String trackingSecret,

        @NotBlank @Size(min = 16, message = "must be at least 16 characters")
        String webhookSigningSecret,

        @NotNull Duration webhookTimeout,
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        // how long a send of a campaign that is paused (or not launched yet) waits before the campaign is asked again
        @NotNull Duration campaignHoldRecheck,
        @Min(1) int batchSize,
        @Min(1) int maxAttempts) {}
