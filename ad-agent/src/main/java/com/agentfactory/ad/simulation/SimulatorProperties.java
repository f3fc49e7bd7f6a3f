package com.agentfactory.ad.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulation runs requested over the API.
 *
 * @param auctionLog an iPinYou campaign's test log ({@code click market_price pctr} lines), offered as the
 *     {@code ipinyou} source together with {@code statistics}; blank: no such source
 * @param statistics that campaign's training statistics (the RLB format's JSON)
 * @param syntheticAuctions the auctions in the synthetic source's test log
 * @param maxQueued the runs that may wait at once; a run asked for beyond them is refused
 */
@Validated
@ConfigurationProperties("agentfactory.ad.simulator")
record SimulatorProperties(
        @DefaultValue("") String auctionLog,
        @DefaultValue("") String statistics,
        @DefaultValue("20000") @Min(200) @Max(1_000_000) int syntheticAuctions,
        @DefaultValue("20") @Min(1) @Max(1000) int maxQueued,
        @DefaultValue @Valid @NotNull Worker worker) {

    SimulatorProperties {
        if (auctionLog.isBlank() != statistics.isBlank()) {
            throw new IllegalArgumentException("agentfactory.ad.simulator.auction-log and statistics go together:"
                    + " set both (the ipinyou source) or neither");
        }
    }

    boolean hasAuctionFiles() {
        return !auctionLog.isBlank();
    }

    /**
     * @param enabled whether this instance runs queued runs (it accepts them either way)
     * @param pollInterval how often the worker looks for runs queued elsewhere and renews its own run's heartbeat
     * @param lease how old a RUNNING run's heartbeat may get before its worker counts as dead and the run is queued
     *     again; several poll intervals, so that a busy instance is not mistaken for a dead one
     */
    record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") @NotNull Duration pollInterval,
            @DefaultValue("2m") @NotNull Duration lease) {

        Worker {
            if (pollInterval != null && lease != null && lease.compareTo(pollInterval.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException(
                        "agentfactory.ad.simulator.worker.lease must be at least three poll intervals");
            }
        }
    }
}
