package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bid API's settings.
 *
 * @param keys per exchange, the SHA-256 (hex) of the key it sends in {@code X-Exchange-Key}; keys themselves are
 *     never configured. An exchange whose hash is blank (its variable unset) is left out; with none left the agent
 *     does not start, since a bid API no exchange can call is a misconfiguration, not a way to run
 * @param maxPriceCpm the highest CPM the agent bids or accepts in a win notice
 * @param pacingSlack how far (share of the daily budget) a campaign may run ahead of even spend through the day
 * @param refreshInterval how often the bid path's view of campaigns, delivery and allowances is refreshed
 * @param conversionWindow how long after a click on an impression a conversion is still credited to it: a
 *     conversion the exchange reports without a click, or after this, is refused, since the rates and revenue the
 *     bids and budgets follow would otherwise count what the exchange says rather than what the ad did
 */
@Validated
@ConfigurationProperties("agentfactory.ad.exchange")
public record ExchangeProperties(
        @NotEmpty(
                message = "needs the SHA-256 of at least one exchange's key (AD_EXCHANGE_PRIMARY_KEY_SHA256, or"
                        + " AD_EXCHANGE_SIMULATED_KEY_SHA256 where the simulated exchange runs)")
        Map<String, @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String> keys,

        @DecimalMin("0.01") double maxPriceCpm,
        @DecimalMin("0.0") double pacingSlack,
        @NotNull Duration refreshInterval,
        @DecimalMin("1.0") double priorStrength,
        @DecimalMin("0.0") double defaultCtr,
        @DecimalMin("0.0") double defaultCvr,
        @NotNull Duration conversionWindow) {

    public ExchangeProperties {
        Map<String, String> configured = new LinkedHashMap<>();
        if (keys != null) {
            keys.forEach((exchange, hash) -> {
                if (hash != null && !hash.isBlank()) {
                    configured.put(exchange, hash.strip());
                }
            });
        }
        keys = Map.copyOf(configured);
    }
}
