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
 *
 * <p>The secrets have no defaults: one anyone can read would let anyone unsubscribe any customer, forge opens and
 * clicks and sign webhooks as the shop, so the agent does not start without them.
 */
@ConfigurationProperties("agentfactory.campaign.delivery")
@Validated
record DeliveryProperties(
        boolean enabled,
        @NotBlank @Email String fromAddress,
        @NotBlank String postalAddress,
        @NotBlank String publicBaseUrl,

        @NotBlank(message = "is required: set CAMPAIGN_UNSUBSCRIBE_SECRET")
        @Size(min = 16, message = "must be at least 16 characters")
        String unsubscribeSecret,

        @NotBlank(message = "is required: set CAMPAIGN_TRACKING_SECRET (or CAMPAIGN_UNSUBSCRIBE_SECRET)")
        @Size(min = 16, message = "must be at least 16 characters")
        String trackingSecret,

        @NotBlank(message = "is required: set CAMPAIGN_WEBHOOK_SECRET")
        @Size(min = 16, message = "must be at least 16 characters")
        String webhookSigningSecret,

        @NotNull Duration webhookTimeout,
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        // how often the campaigns of held sends (paused, or not launched yet) are asked whether they send again
        @NotNull Duration campaignHoldRecheck,
        @Min(1) int batchSize,
        @Min(1) int maxAttempts) {}
