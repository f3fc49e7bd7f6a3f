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
 * @param claimHold how long after a bid what it costs if won is still held against the campaign's allowance while its
 *     win is not recorded: longer than almost every win notice takes (a notice later than this is counted nowhere
 *     until it comes), at most the window. Exchanges send the notice when the auction clears or when the ad is
 *     shown, within seconds; the default of two minutes keeps a lost bid's claim for that long in exchange
 */
@Validated
@ConfigurationProperties("agentfactory.ad.exchange.win-notice")
record WinNoticeProperties(
        @NotBlank @Size(min = 16) String secret,
        @NotBlank String url,
        @DefaultValue("10m") @NotNull Duration window,
        @DefaultValue("2m") @NotNull Duration claimHold) {

    WinNoticeProperties {
        if (window != null && claimHold != null && (!claimHold.isPositive() || claimHold.compareTo(window) > 0)) {
            throw new IllegalArgumentException("claim-hold must be more than zero and at most the win-notice window ("
                    + window + "), not " + claimHold);
        }
    }
}
