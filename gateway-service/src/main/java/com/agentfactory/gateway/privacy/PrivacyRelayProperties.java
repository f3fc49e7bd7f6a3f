package com.agentfactory.gateway.privacy;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway fetches the privacy requests it must answer for the accounts, and how often.
 *
 * @param participantUrl the supervisor's address for this participant: its pending requests are listed there and
 *     each report is posted below it
 */
@ConfigurationProperties("agentfactory.privacy")
@Validated
record PrivacyRelayProperties(
        @NotNull URI participantUrl, @NotNull Duration interval) {}
