package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the win notice URL (nurl) of a bid is signed, so that a win notice proves the agent made the bid it charges.
 *
 * @param secret the HMAC-SHA256 key; every instance of the agent must share it, since a win notice may reach
 *     another instance than the one that bid
 * @param url where exchanges send win notices, as exchanges reach the agent
 * @param window how long after the bid its win notice is still accepted
 */
@Validated
@ConfigurationProperties("agentfactory.ad.exchange.win-notice")
record WinNoticeProperties(
        @NotBlank @Size(min = 16) String secret,
        @NotBlank String url,
        @DefaultValue("10m") @NotNull Duration window) {}
