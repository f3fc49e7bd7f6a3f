package com.agentfactory.gateway.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How sign-ups reach the shop as customer records.
 *
 * @param eventsUrl the supervisor's event intake
 * @param interval how often the relay looks for announcements due
 * @param lease how long a claimed announcement is left to the instance relaying it
 * @param maxBackoff the longest wait between two attempts at one announcement
 */
@ConfigurationProperties("agentfactory.auth.customer-announcements")
@Validated
record CustomerAnnouncementProperties(
        @NotNull URI eventsUrl,
        @NotNull Duration interval,
        @NotNull Duration lease,
        @NotNull Duration maxBackoff,
        @Min(1) int batchSize) {}
