package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * RLB bidding on the bid path.
 *
 * @param minWins the wins (clearing prices) a campaign needs in the window before its market is modelled
 * @param window how far back clearing prices are read
 * @param unitCpm the price unit of the value function, in CPM
 * @param tableAuctions the auctions N0 of the solved value function; longer periods use the paper's large-scale
 *     approximation (the bid for n auctions and budget b is the bid for N0 auctions and budget b x N0 / n)
 * @param refreshInterval how often the market statistics are read and the value functions solved again
 * @param minMeasured how long a campaign's eligible auctions are counted before their rate is trusted; until then the
 *     campaign is bid linearly
 */
@Validated
@ConfigurationProperties("agentfactory.ad.exchange.rlb")
record RlbProperties(
        @DefaultValue("200") @Min(1) int minWins,
        @DefaultValue("7d") @NotNull Duration window,
        @DefaultValue("0.25") @DecimalMin("0.001") double unitCpm,
        @DefaultValue("50") @Min(1) @Max(10_000) int tableAuctions,
        @DefaultValue("5m") @NotNull Duration refreshInterval,
        @DefaultValue("60s") @NotNull Duration minMeasured) {}
